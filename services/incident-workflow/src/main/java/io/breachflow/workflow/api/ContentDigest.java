package io.breachflow.workflow.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The proof of what a notification said: the SHA-256 of its exact content (UTF-8), or the hash the caller computed
 * for content sent by other means. The content itself may hold personal data and is never kept (DESIGN §5).
 */
final class ContentDigest {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private ContentDigest() {
    }

    /** Checks that exactly one of the two is given, and well formed. */
    static void check(RequestCheck check, String content, String contentSha256, int maxContent) {
        if (content == null && contentSha256 == null) {
            check.violation("content or contentSha256 is missing: give the exact text sent, or its SHA-256");
        } else if (content != null && contentSha256 != null) {
            check.violation("give content or contentSha256, not both");
        } else if (content != null) {
            check.text("content", content, maxContent);
        } else if (!SHA256_HEX.matcher(contentSha256).matches()) {
            check.violation("contentSha256 must be 64 hexadecimal digits (a SHA-256)");
        }
    }

    /** The lower-case hex SHA-256 to record: of the content if given, else the caller's hash. */
    static String sha256(String content, String contentSha256) {
        if (content == null) {
            return contentSha256.toLowerCase(Locale.ROOT);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
