package io.breachflow.workflow.history;

import io.breachflow.service.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The request parameters the read resources share, checked into 400 problems (an incident id that is not a UUID,
 * an {@code asOf} that is not an ISO-8601 instant), and the 404 for an incident the log does not know at a time.
 */
public final class IncidentRequests {

    private IncidentRequests() {
    }

    public static String incidentId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-incident-id", "Not an incident id",
                    "Incident ids are UUIDs; got '" + shortened(id) + "'");
        }
    }

    /** {@code asOf} as an instant: absent means now; {@code 2025-11-03T10:00:00Z} or with an offset. */
    public static Instant asOf(String asOf, Clock clock) {
        if (asOf == null || asOf.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(asOf.strip());
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(asOf.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("invalid-as-of", "Not a point in time",
                        "asOf must be an ISO-8601 instant such as 2025-11-03T10:00:00Z; got '" + shortened(asOf) + "'");
            }
        }
    }

    /** The incident's record at {@code asOf}, or a 404 problem if the log knows no such incident at that time. */
    public static IncidentRecord recordAt(String incidentId, List<RecordedEvent> events, Instant asOf) {
        if (events.isEmpty()) {
            throw ProblemException.notFound("No incident " + incidentId);
        }
        Optional<IncidentRecord> record = IncidentHistory.replay(events, asOf);
        return record.orElseThrow(() -> ProblemException.notFound("Incident " + incidentId + " was not yet opened at "
                + asOf + " (its first event was recorded at " + events.get(0).timestamp() + ")"));
    }

    private static String shortened(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "…" : value;
    }
}
