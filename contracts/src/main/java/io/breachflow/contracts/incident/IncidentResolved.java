package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** Handling ended: the harm is contained and the root cause is known. Starts the CAC 30-day final-report clock. */
public record IncidentResolved(
        String incidentId,
        String rootCause,
        String resolvedBy,
        Instant resolvedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return resolvedAt;
    }
}
