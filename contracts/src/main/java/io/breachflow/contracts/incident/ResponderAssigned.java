package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** A responder was made accountable for handling the incident (replacing any earlier assignee). */
public record ResponderAssigned(
        String incidentId,
        String assignee,
        String assignedBy,
        Instant assignedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return assignedAt;
    }
}
