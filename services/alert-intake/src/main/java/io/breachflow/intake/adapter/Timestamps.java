package io.breachflow.intake.adapter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Reads a vendor's event time, reporting an absent or unparsable one by field name. Accepts RFC 3339
 * ({@code 2024-05-14T09:12:31.504Z}, {@code +02:00}) and the colon-less offset Wazuh writes
 * ({@code 2024-05-14T09:12:31.504+0000}); anything else is a violation rather than a guess.
 */
public final class Timestamps {

    private static final DateTimeFormatter RFC_3339_OR_BASIC_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    /** The instant, or {@code null} after adding a violation naming {@code field} (absent counts only if required). */
    public static Instant parse(String value, String field, boolean required, Violations violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(field + " is missing");
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim(), RFC_3339_OR_BASIC_OFFSET).toInstant();
        } catch (DateTimeParseException unparsable) {
            violations.add(field + " is not an RFC 3339 date-time (e.g. 2024-05-14T09:12:31.504Z)");
            return null;
        }
    }
}
