package io.breachflow.local.secrets;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The local stack's secret files: written readable by their owner only (mode 600 from their creation on, so there is
 * no moment at which another user could read them), replaced atomically; and sets of random secrets made once and
 * kept in such a file (a password that changed on every start would lock out what stored the old one).
 */
public final class PrivateFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateFiles() {
    }

    /** What goes into a private file. */
    public interface Body {
        void write(Writer out) throws IOException;
    }

    /** Writes {@code file} readable by its owner only (mode 600 from its creation on), replacing it atomically. */
    public static void write(Path file, Body body) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path pending = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(pending);
        try {
            Files.createFile(pending, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(pending);
        }
        try (Writer out = Files.newBufferedWriter(pending, StandardCharsets.UTF_8)) {
            body.write(out);
        }
        Files.move(pending, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The secrets {@code names} from {@code file} (a properties file); a name missing there gets a random secret and
     * the file is (re)written, private. The answer keeps the order of {@code names}.
     */
    public static Map<String, String> secrets(Path file, List<String> names, String comment) throws IOException {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(in);
            }
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        boolean changed = false;
        for (String name : names) {
            String secret = stored.getProperty(name);
            if (secret == null || secret.isBlank()) {
                secret = randomSecret();
                changed = true;
            }
            secrets.put(name, secret);
        }
        if (changed) {
            Properties all = new Properties();
            all.putAll(stored);
            all.putAll(secrets);
            write(file, out -> all.store(out, comment));
        }
        return secrets;
    }

    /** 24 random bytes as hex: safe in JAAS options, URLs, form fields, SQL literals and environment files. */
    public static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
