package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** A resolved or closed incident was reopened, with the reason; it is handled again. */
public record IncidentReopened(
        String incidentId,
        String reason,
        String reopenedBy,
        Instant reopenedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return reopenedAt;
    }
}
