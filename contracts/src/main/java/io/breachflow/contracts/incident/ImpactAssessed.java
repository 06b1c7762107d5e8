package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;

/**
 * What the breach affects: categories of personal data, numbers of people and records, sensitive and minors' data,
 * where the people live (ISO 3166 alpha-2 codes, EU for the Union).
 */
public record ImpactAssessed(
        String incidentId,
        List<String> personalDataCategories,
        long subjectsAffected,
        long recordsAffected,
        boolean sensitiveData,
        boolean minorsData,
        List<String> jurisdictions,
        String likelyConsequences,
        String assessedBy,
        Instant assessedAt) implements IncidentEvent {

    public ImpactAssessed {
        personalDataCategories = personalDataCategories == null ? List.of() : List.copyOf(personalDataCategories);
        jurisdictions = jurisdictions == null ? List.of() : List.copyOf(jurisdictions);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return assessedAt;
    }
}
