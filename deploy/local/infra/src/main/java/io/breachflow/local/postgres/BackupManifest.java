package io.breachflow.local.postgres;

import io.breachflow.local.secrets.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * What a backup held, written beside the dump as {@code <dump>.manifest} (a properties file, no personal data): the
 * dump's SHA-256 and the store's {@link ChainCheckpoint} in the very snapshot the dump was taken from. A restore
 * checks the dump against it before it touches a database, and the restored store against it afterwards.
 */
public record BackupManifest(String database, Instant takenAt, String dumpSha256, ChainCheckpoint checkpoint) {

    static final String FORMAT = "breachflow-workflow-backup/1";

    /** {@code <dump>.manifest}. */
    public static Path fileOf(Path dump) {
        return dump.resolveSibling(dump.getFileName() + ".manifest");
    }

    void write(Path dump) throws IOException {
        PrivateFiles.write(fileOf(dump), out -> {
            out.write("# Breachflow workflow backup: the dump's digest and the event store's checkpoint at the dump.\n");
            out.write("format=" + FORMAT + "\n");
            out.write("database=" + database + "\n");
            out.write("takenAt=" + takenAt + "\n");
            out.write("dumpSha256=" + dumpSha256 + "\n");
            out.write("events=" + checkpoint.events() + "\n");
            out.write("chains=" + checkpoint.chains() + "\n");
            out.write("upToGlobalIndex=" + (checkpoint.upToGlobalIndex() == null ? "" : checkpoint.upToGlobalIndex()) + "\n");
            out.write("storeDigest=" + checkpoint.storeDigest() + "\n");
            out.write("chainValid=" + checkpoint.valid() + "\n");
        });
    }

    /** The manifest beside {@code dump}, or null if there is none. */
    static BackupManifest read(Path dump) throws IOException {
        Path file = fileOf(dump);
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new IOException(file + " is not a manifest of format " + FORMAT);
        }
        String upTo = p.getProperty("upToGlobalIndex", "");
        ChainCheckpoint checkpoint = new ChainCheckpoint(Long.parseLong(p.getProperty("events")),
                Long.parseLong(p.getProperty("chains")), upTo.isEmpty() ? null : Long.parseLong(upTo),
                p.getProperty("storeDigest"), Boolean.parseBoolean(p.getProperty("chainValid")) ? 0 : 1, null, 0); // the count is not kept
        return new BackupManifest(p.getProperty("database"), Instant.parse(p.getProperty("takenAt")),
                p.getProperty("dumpSha256"), checkpoint);
    }

    /** How {@code restored} differs from the store at backup time; empty when it is the same store. */
    List<String> differences(ChainCheckpoint restored) {
        List<String> differences = new ArrayList<>();
        compare(differences, "events", checkpoint.events(), restored.events());
        compare(differences, "chains", checkpoint.chains(), restored.chains());
        compare(differences, "upToGlobalIndex", checkpoint.upToGlobalIndex(), restored.upToGlobalIndex());
        compare(differences, "storeDigest", checkpoint.storeDigest(), restored.storeDigest());
        return differences;
    }

    private static void compare(List<String> differences, String what, Object backedUp, Object restored) {
        if (!Objects.equals(backedUp, restored)) {
            differences.add(what + " " + restored + " (at backup: " + backedUp + ")");
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
