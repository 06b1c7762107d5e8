package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** The people affected were told, for an obligation; only the SHA-256 of the exact content sent is kept. */
public record DataSubjectsNotified(
        String incidentId,
        String obligationId,
        String channel,
        long subjectsNotified,
        String contentSha256,
        String notifiedBy,
        Instant notifiedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return notifiedAt;
    }
}
