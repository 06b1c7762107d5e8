package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** A clock ran out before its obligation was fulfilled or waived: recorded, logged and escalated. */
public record DeadlineMissed(
        String incidentId,
        String obligationId,
        String description,
        Instant dueAt,
        Instant missedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return missedAt;
    }
}
