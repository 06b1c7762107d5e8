package io.breachflow.workflow.api;

import io.breachflow.service.problem.ProblemException;
import io.breachflow.workflow.history.IncidentRequests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Collects every violation of one request, so that a 400 lists them all at once rather than one per attempt.
 * Enum values are checked earlier, by Jackson (an unknown value is a 400 naming the accepted ones).
 */
final class RequestCheck {

    /** Longest free text kept in the log (rationales, descriptions, notes). */
    static final int MAX_TEXT = 4000;
    /** Longest short text: names of people, authorities, channels, references. */
    static final int MAX_NAME = 200;
    /** Client-chosen ids (measures, notes) and obligation ids such as {@code cac-incident-reporting/initial-report}. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final String EU = "EU";

    private final String what;
    private final List<String> violations = new ArrayList<>();

    private RequestCheck(String what) {
        this.what = what;
    }

    /**
     * Starts checking a request body; a missing body is a violation by itself. Control characters in any of its
     * texts are violations too ({@link ControlCharacterCheck}).
     */
    static RequestCheck of(String what, Object body) {
        if (body == null) {
            throw ProblemException.invalid("The " + what + " request needs a JSON body", List.of("body is missing"));
        }
        RequestCheck check = new RequestCheck(what);
        check.violations.addAll(ControlCharacterCheck.violations(body));
        return check;
    }

    /** The incident id of the path, normalised; not a UUID is a 400 of its own (nothing else is worth checking). */
    static String incidentId(String id) {
        return IncidentRequests.incidentId(id);
    }

    RequestCheck required(String field, Object value) {
        if (value == null) {
            violations.add(field + " is missing");
        }
        return this;
    }

    RequestCheck text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            violations.add(field + " is missing");
        } else {
            optionalText(field, value, maxLength);
        }
        return this;
    }

    RequestCheck optionalText(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            violations.add(field + " is longer than " + maxLength + " characters");
        }
        return this;
    }

    RequestCheck count(String field, Long value) {
        if (value == null) {
            violations.add(field + " is missing");
        } else if (value < 0) {
            violations.add(field + " must not be negative (got " + value + ")");
        }
        return this;
    }

    RequestCheck id(String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(field + " is missing");
        } else {
            optionalId(field, value);
        }
        return this;
    }

    RequestCheck optionalId(String field, String value) {
        if (value != null && !ID.matcher(value).matches()) {
            violations.add(field + " must be 1–200 letters, digits or . _ : / - (starting with a letter or digit)");
        }
        return this;
    }

    /** A non-empty list of non-blank short texts. */
    RequestCheck texts(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            violations.add(field + " is missing: name at least one");
            return this;
        }
        for (int i = 0; i < values.size(); i++) {
            text(field + "[" + i + "]", values.get(i), MAX_NAME);
        }
        return this;
    }

    /** A non-empty list of ISO 3166-1 alpha-2 country codes or {@code EU} (case-insensitive). */
    RequestCheck jurisdictions(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            violations.add(field + " is missing: name at least one (ISO 3166-1 alpha-2 code, or EU)");
            return this;
        }
        for (int i = 0; i < values.size(); i++) {
            String code = values.get(i);
            if (code == null || !isJurisdiction(code.toUpperCase(Locale.ROOT))) {
                violations.add(field + "[" + i + "] '" + shorten(code) + "' is not an ISO 3166-1 alpha-2 country code or EU");
            }
        }
        return this;
    }

    /** Adds a violation found by the resource itself. */
    RequestCheck violation(String message) {
        violations.add(message);
        return this;
    }

    /** Throws a 400 problem listing every violation, if there is any. */
    void orRefuse() {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid("The " + what + " request is not valid", violations);
        }
    }

    static List<String> normalisedJurisdictions(List<String> codes) {
        return codes.stream().map(code -> code.toUpperCase(Locale.ROOT)).distinct().toList();
    }

    private static boolean isJurisdiction(String code) {
        return EU.equals(code) || COUNTRIES.contains(code);
    }

    private static String shorten(String value) {
        return value == null ? "null" : value.length() > 16 ? value.substring(0, 16) + "…" : value;
    }
}
