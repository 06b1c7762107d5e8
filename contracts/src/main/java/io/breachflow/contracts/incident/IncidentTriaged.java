package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** A responder triaged the incident, with a rationale, recorded with who did it and when. */
public record IncidentTriaged(
        String incidentId,
        TriageVerdict verdict,
        String rationale,
        String triagedBy,
        Instant triagedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return triagedAt;
    }
}
