package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;

import java.time.Instant;
import java.util.List;

/**
 * A further detection joined an open incident (same correlation key, within the correlation window). Its harm adds
 * to the incident's harms; its receipt time moves awareness back if it is earlier.
 *
 * @param correlatedAt when the workflow processed it
 * @param receivedAt   when Breachflow's intake received it; {@code null} in events written before it was kept
 */
@Revision("2") // revision 2 added receivedAt; golden/…r1.json holds revision 1
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
        List<String> personalDataCategories,
        Instant receivedAt) implements IncidentEvent {

    public DetectionCorrelated {
        assets = assets == null ? List.of() : List.copyOf(assets);
        personalDataCategories = personalDataCategories == null ? List.of() : List.copyOf(personalDataCategories);
    }

    /** The shape written before receipt times were kept: the receipt is unknown ({@code null}). */
    public DetectionCorrelated(String incidentId, String detectionId, String sourceSystem, String upstreamId,
                               HarmKind harm, Severity severity, String title, Instant observedAt, Instant correlatedAt,
                               List<String> assets, List<String> personalDataCategories) {
        this(incidentId, detectionId, sourceSystem, upstreamId, harm, severity, title, observedAt, correlatedAt,
                assets, personalDataCategories, null);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return correlatedAt;
    }
}
