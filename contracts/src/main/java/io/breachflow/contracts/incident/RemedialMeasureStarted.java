package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** A remedial measure began (Art. 4 of the 2012 Decision: remedial measures immediately). Several may run at once. */
public record RemedialMeasureStarted(
        String incidentId,
        String measureId,
        MeasureKind kind,
        String description,
        String startedBy,
        Instant startedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return startedAt;
    }
}
