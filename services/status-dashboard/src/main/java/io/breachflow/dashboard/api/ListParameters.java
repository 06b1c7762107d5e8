package io.breachflow.dashboard.api;

import io.breachflow.dashboard.projection.IncidentStatus;
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

    static Optional<String> assignee(String assignee) {
        return assignee == null || assignee.isBlank() ? Optional.empty() : Optional.of(assignee.trim());
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
