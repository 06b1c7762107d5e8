package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;

import java.time.Instant;
import java.util.List;

/**
 * An incident was opened by its first detection. Opening is the moment of awareness from which the legal
 * clocks run (Art. 4 of the 2012 Decision: "may have been" disclosed already starts the duty).
 */
public record IncidentOpened(
        String incidentId,
        String correlationKey,
        Instant openedAt,
        String detectionId,
        String sourceSystem,
        String upstreamId,
        HarmKind harm,
        Severity severity,
        String title,
        Instant observedAt,
        List<String> assets,
        List<String> personalDataCategories) implements IncidentEvent {

    public IncidentOpened {
        assets = assets == null ? List.of() : List.copyOf(assets);
        personalDataCategories = personalDataCategories == null ? List.of() : List.copyOf(personalDataCategories);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return openedAt;
    }
}
