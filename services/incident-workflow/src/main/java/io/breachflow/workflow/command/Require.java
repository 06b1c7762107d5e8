package io.breachflow.workflow.command;

import java.util.Locale;
import java.util.regex.Pattern;

/** The aggregate's input checks, worded alike: a refusal names the missing or malformed field. */
final class Require {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Require() {
    }

    /** The text, stripped; refused with {@code <field>-missing} when absent or blank. */
    static String text(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new CommandRejectedException(field + "-missing", message);
        }
        return value.strip();
    }

    /** A SHA-256 in lower-case hex; refused otherwise. */
    static String sha256(String value) {
        String hex = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hex).matches()) {
            throw new CommandRejectedException("content-hash-invalid",
                    "A notification needs the SHA-256 (64 hex digits) of the exact content sent");
        }
        return hex;
    }
}
