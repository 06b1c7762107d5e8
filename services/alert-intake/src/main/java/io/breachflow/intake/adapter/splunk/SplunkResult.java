package io.breachflow.intake.adapter.splunk;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.Violations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the first result row of a Splunk alert: scalar fields as text (a multivalue field as its first value),
 * its severity, its event time and a hash that identifies it without keeping it.
 */
final class SplunkResult {

    /** Splunk ES / CIM {@code urgency} and {@code severity} words, and Splunk's numeric alert severities 1–6. */
    private static final Map<String, Severity> SEVERITIES = Map.ofEntries(
            Map.entry("critical", Severity.CRITICAL), Map.entry("high", Severity.HIGH),
            Map.entry("medium", Severity.MEDIUM), Map.entry("low", Severity.LOW),
            Map.entry("informational", Severity.INFO), Map.entry("info", Severity.INFO),
            Map.entry("1", Severity.INFO), Map.entry("2", Severity.INFO), Map.entry("3", Severity.MEDIUM),
            Map.entry("4", Severity.HIGH), Map.entry("5", Severity.CRITICAL), Map.entry("6", Severity.CRITICAL));

    /** A plain or exponent decimal with bounded digits and exponent: what {@link #epochSeconds} may parse. */
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[-+]?(\\d{1,20}(\\.\\d{0,20})?|\\.\\d{1,20})([eE][-+]?\\d{1,2})?");
    /** Year 9999 and back: every date a Splunk event can carry, far inside {@link Instant}'s range. */
    static final BigDecimal MAX_EPOCH_SECONDS = BigDecimal.valueOf(253_402_300_799L);
    static final int MAX_TIME_LENGTH = 64;

    private final Map<String, JsonNode> row;

    SplunkResult(Map<String, JsonNode> row) {
        this.row = row;
    }

    /** A field's text, trimmed; the first value of a multivalue field; {@code null} when absent or blank. */
    String text(String name) {
        JsonNode value = row.get(name);
        if (value != null && value.isArray()) {
            value = value.isEmpty() ? null : value.get(0);
        }
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** {@code urgency} (the Splunk ES notable's overall rating) before {@code severity}; MEDIUM when neither is known. */
    Severity severity() {
        for (String field : new String[] {"urgency", "severity"}) {
            String value = text(field);
            if (value != null) {
                Severity severity = SEVERITIES.get(value.toLowerCase(Locale.ROOT));
                if (severity != null) {
                    return severity;
                }
            }
        }
        return Severity.MEDIUM;
    }

    /** {@code _time}: epoch seconds (Splunk's own form, e.g. {@code 1715677951.504}) or ISO 8601; absent → null. */
    Instant time(Violations violations) {
        String value = text("_time");
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_TIME_LENGTH) {
            violations.add("result._time is longer than " + MAX_TIME_LENGTH + " characters");
            return null;
        }
        if (EPOCH_SECONDS.matcher(value).matches()) {
            return epochSeconds(value, violations);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException unparsable) {
            violations.add("result._time is neither epoch seconds nor an ISO 8601 date-time");
            return null;
        }
    }

    /**
     * Epoch seconds, parsed with bounded cost: the pattern admits at most 20 digits on either side of the point and
     * an exponent of at most 2 digits, so neither {@code 1e1000000} (minutes of CPU to expand) nor a thousand-digit
     * number reaches {@link BigDecimal}; a value beyond {@link Instant}'s range is a violation, not an exception.
     */
    static Instant epochSeconds(String value, Violations violations) {
        BigDecimal seconds = new BigDecimal(value);
        if (seconds.abs().compareTo(MAX_EPOCH_SECONDS) > 0) {
            violations.add("result._time is out of range (epoch seconds between -" + MAX_EPOCH_SECONDS.toPlainString()
                    + " and " + MAX_EPOCH_SECONDS.toPlainString() + ")");
            return null;
        }
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        int nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.FLOOR).intValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    /** SHA-256 of the row's fields sorted by name ({@code name=json\n} each): equal for an equal row. */
    String sha256() {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(row).forEach((name, value) -> canonical.append(name).append('=').append(value).append('\n'));
        return Digests.sha256Hex(canonical.toString());
    }

    /** The convention fields as text, for {@link io.breachflow.intake.adapter.TagConvention}. */
    Map<String, String> convention() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : new String[] {"breach_harm", "personal_data"}) {
            String value = text(name);
            if (value != null) {
                values.put(name, value);
            }
        }
        return values;
    }
}
