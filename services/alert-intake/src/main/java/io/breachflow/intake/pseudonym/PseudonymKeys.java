package io.breachflow.intake.pseudonym;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Where the {@link Pseudonyms} key comes from: {@code breachflow.intake.pseudonym-key} (base64, at least 32
 * bytes; in production from a secret store or KMS), else the key file {@code breachflow.intake.pseudonym-key-file},
 * created on first start with 32 random bytes (mode 600) and read on later starts. Every intake instance must
 * use the same key, or one alert gets different ids on different instances. A key that is not base64 or too
 * short stops the start, naming the property; the key itself is never logged.
 */
@ApplicationScoped
public class PseudonymKeys {

    static final String KEY_PROPERTY = "breachflow.intake.pseudonym-key";
    static final String FILE_PROPERTY = "breachflow.intake.pseudonym-key-file";
    private static final Logger LOG = Logger.getLogger(PseudonymKeys.class);

    @ConfigProperty(name = KEY_PROPERTY)
    Optional<String> configuredKey;
    @ConfigProperty(name = FILE_PROPERTY, defaultValue = "${user.home}/.breachflow/pseudonym.key")
    String keyFile;

    @Produces
    @Singleton
    Pseudonyms pseudonyms() {
        return new Pseudonyms(load(configuredKey, Path.of(keyFile)));
    }

    /** Fail at start-up, not on the first alert, when the key is unusable. */
    void checkAtStartup(@Observes StartupEvent started, Pseudonyms pseudonyms) {
        // Resolving the parameter made the key; nothing else to do.
    }

    /** The configured key when there is one, else the file's, made first if it does not exist. */
    static byte[] load(Optional<String> configured, Path file) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return decode(configured.get(), KEY_PROPERTY + " (environment BREACHFLOW_INTAKE_PSEUDONYM_KEY)");
        }
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), "the key file " + file + " (" + FILE_PROPERTY + ")");
        } catch (IOException e) {
            throw new IllegalStateException("alert-intake cannot start: cannot read or create the pseudonym key file "
                    + file + " (" + FILE_PROPERTY + "): " + e, e);
        }
    }

    private static byte[] decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("alert-intake cannot start: " + where + " is not base64");
        }
        if (key.length < Pseudonyms.MIN_KEY_BYTES) {
            throw new IllegalStateException("alert-intake cannot start: " + where + " holds " + key.length
                    + " bytes, at least " + Pseudonyms.MIN_KEY_BYTES + " are needed");
        }
        return key;
    }

    /**
     * 32 SecureRandom bytes, base64, readable by the owner only. Written to a temporary file first and then linked
     * into place, which fails if the file exists: two instances starting at once on one host both end up with the
     * key of whichever linked first, never with half a file.
     */
    private static void create(Path file) throws IOException {
        byte[] key = new byte[Pseudonyms.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, posix ? new FileAttribute<?>[] {ownerOnly("rwx------")} : new FileAttribute<?>[0]);
        }
        Path temporary = posix ? Files.createTempFile(directory, ".pseudonym-", ".tmp", ownerOnly("rw-------"))
                : Files.createTempFile(directory, ".pseudonym-", ".tmp");
        try {
            Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, temporary);
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temporary, file);
            }
            LOG.infof("created the pseudonym key file %s; every intake instance needs this same key (%s)", file, KEY_PROPERTY);
        } catch (FileAlreadyExistsException madeByAnother) {
            // Another instance was first: its key is the one to use.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
