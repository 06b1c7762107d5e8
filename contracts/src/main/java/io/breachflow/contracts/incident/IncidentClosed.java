package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** The DPO closed the incident: every obligation was fulfilled or waived. */
public record IncidentClosed(
        String incidentId,
        String summary,
        String closedBy,
        Instant closedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return closedAt;
    }
}
