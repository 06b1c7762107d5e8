package io.breachflow.intake.adapter;

/**
 * Correlation keys of a bounded length: {@code <source>:} + the first 32 hex digits of SHA-256 of the grouping
 * parts joined by newlines, so that whatever a vendor puts into a group key or a host name, the Kafka key stays
 * short and carries no text of the alert.
 */
public final class CorrelationKeys {

    static final int HEX_DIGITS = 32;

    private CorrelationKeys() {
    }

    /** {@code parts} may be empty strings (e.g. an alert without host), never {@code null}. */
    public static String of(String source, String... parts) {
        return source + ":" + Digests.sha256Hex(String.join("\n", parts)).substring(0, HEX_DIGITS);
    }
}
