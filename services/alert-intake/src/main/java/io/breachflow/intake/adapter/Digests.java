package io.breachflow.intake.adapter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The hashes and name-based ids that make a retried alert map to the same detection. */
public final class Digests {

    private Digests() {
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of the labels sorted by name, one {@code name=value} per line: independent of the sender's order. */
    public static String sha256OfLabels(Map<String, String> labels) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(labels).forEach((name, value) -> canonical.append(name).append('=').append(value).append('\n'));
        return sha256Hex(canonical.toString());
    }

    /** The detection id: a name-based (v3) UUID of source and upstream id, so a retry gets the same id. */
    public static String detectionId(String sourceSystem, String upstreamId) {
        return UUID.nameUUIDFromBytes((sourceSystem + "\n" + upstreamId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
