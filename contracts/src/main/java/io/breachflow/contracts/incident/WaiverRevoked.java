package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * A waiver no longer stands (e.g. the authority requires the individuals to be told after all, PIPL Art. 57
 * para. 2): the obligation is owed again, and its new clock follows in a {@link NotificationObligationDetermined}.
 */
public record WaiverRevoked(
        String incidentId,
        String obligationId,
        String reason,
        String revokedBy,
        Instant revokedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return revokedAt;
    }
}
