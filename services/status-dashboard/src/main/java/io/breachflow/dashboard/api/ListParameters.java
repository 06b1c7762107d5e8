package io.breachflow.dashboard.api;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.dashboard.projection.IncidentStatus;
import io.breachflow.dashboard.query.Cursor;
import io.breachflow.dashboard.query.IncidentSort;
import io.breachflow.service.problem.ProblemException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The query parameters of {@code GET /api/incidents}, read strictly: a value that is present but not understood is
 * a {@code 400} problem naming the parameter, never silently ignored (a filter ignored would show the wrong list).
 */
final class ListParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private ListParameters() {
    }

    static Optional<IncidentStatus> status(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(IncidentStatus.valueOf(status.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status '" + status + "' is unknown",
                    List.of("status must be one of " + Arrays.toString(IncidentStatus.values())));
        }
    }

    static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static Optional<HarmKind> harm(String harm) {
        return named("harm", harm, HarmKind.class);
    }

    static Optional<Severity> severity(String severity) {
        return named("severity", severity, Severity.class);
    }

    static IncidentSort sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return IncidentSort.NEWEST_FIRST;
        }
        return IncidentSort.of(sort.trim()).orElseThrow(() -> ProblemException.invalid("sort '" + sort + "' is unknown",
                List.of("sort must be one of " + Arrays.stream(IncidentSort.values()).map(IncidentSort::parameter).toList())));
    }

    static Optional<Cursor> cursor(String cursor, IncidentSort sort) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Cursor.decode(cursor, sort).orElseThrow(() -> ProblemException.invalid(
                "cursor is not one this list gave out for sort " + sort.parameter(),
                List.of("cursor must be the nextCursor of the previous page, with the same sort"))));
    }

    private static <E extends Enum<E>> Optional<E> named(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(parameter + " '" + value + "' is unknown",
                    List.of(parameter + " must be one of " + Arrays.toString(type.getEnumConstants())));
        }
    }

    static Optional<Boolean> overdue(String overdue) {
        if (overdue == null || overdue.isBlank()) {
            return Optional.empty();
        }
        return switch (overdue.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ProblemException.invalid("overdue '" + overdue + "' is neither true nor false",
                    List.of("overdue must be true or false"));
        };
    }

    static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ProblemException.invalid("limit '" + limit + "' is not a whole number from 1 to " + MAX_LIMIT,
                List.of("limit must be from 1 to " + MAX_LIMIT));
    }
}
