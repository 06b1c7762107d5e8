package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** A remedial measure ended, with what it achieved; {@code effective} says whether it stopped the harm. */
public record RemedialMeasureCompleted(
        String incidentId,
        String measureId,
        String outcome,
        boolean effective,
        String completedBy,
        Instant completedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return completedAt;
    }
}
