package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;

import java.time.Instant;
import java.util.List;

/** A further detection joined an open incident (same correlation key, within the correlation window). */
public record DetectionCorrelated(
        String incidentId,
        String detectionId,
        String sourceSystem,
        String upstreamId,
        HarmKind harm,
        Severity severity,
        String title,
        Instant observedAt,
        Instant correlatedAt,
        List<String> assets,
        List<String> personalDataCategories) implements IncidentEvent {

    public DetectionCorrelated {
        assets = assets == null ? List.of() : List.copyOf(assets);
        personalDataCategories = personalDataCategories == null ? List.of() : List.copyOf(personalDataCategories);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return correlatedAt;
    }
}
