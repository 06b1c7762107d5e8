package io.breachflow.intake.adapter;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Small field readers shared by the adapters: timestamps named by field, bounded text, optional JSON text. */
public final class Fields {

    public static final int MAX_UPSTREAM_ID_LENGTH = 512;
    public static final int MAX_CORRELATION_KEY_LENGTH = 200;

    private Fields() {
    }

    /** An RFC 3339 timestamp; absent or unparsable is a violation naming {@code field} when required. */
    public static Instant timestamp(String value, String field, boolean required, Violations violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(field + " is missing");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException unparsable) {
            violations.add(field + " is not an RFC 3339 date-time (e.g. 2024-05-14T09:12:31.504Z)");
            return null;
        }
    }

    /** The first present, non-blank text of {@code candidates}, trimmed. */
    public static Optional<String> firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return Optional.of(candidate.trim());
            }
        }
        return Optional.empty();
    }

    public static String bounded(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
    }

    /** The text at {@code path} (JSON Pointer) when it is a non-blank string or a number, else empty. */
    public static Optional<String> text(JsonNode node, String pointer) {
        if (node == null) {
            return Optional.empty();
        }
        JsonNode value = node.at(pointer);
        if (value.isTextual() && !value.asText().isBlank()) {
            return Optional.of(value.asText().trim());
        }
        return value.isNumber() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** A key bounded to {@link #MAX_CORRELATION_KEY_LENGTH}: longer ones keep their prefix and a hash of the whole. */
    public static String boundedKey(String key) {
        if (key.length() <= MAX_CORRELATION_KEY_LENGTH) {
            return key;
        }
        return key.substring(0, MAX_CORRELATION_KEY_LENGTH - 33) + "#" + Digests.sha256Hex(key).substring(0, 32);
    }
}
