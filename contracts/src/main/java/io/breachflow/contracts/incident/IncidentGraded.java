package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** The incident was graded (CAC incident-reporting measures, 2025); regrading recomputes the obligations. */
public record IncidentGraded(
        String incidentId,
        IncidentGrade grade,
        String rationale,
        String gradedBy,
        Instant gradedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return gradedAt;
    }
}
