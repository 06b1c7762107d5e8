package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;

import java.time.Instant;
import java.util.List;

/**
 * An incident was opened by its first detection. The legal clocks run from awareness, which is recorded next
 * ({@link IncidentBasisRecorded}): the detection's receipt time, not the processing time {@code openedAt} (Art. 4
 * of the 2012 Decision: "may have been" disclosed already starts the duty).
 *
 * @param openedAt   when the workflow processed the detection (later than the receipt under a backlog)
 * @param observedAt when the alerting system saw it (the alert's own time)
 * @param receivedAt when Breachflow's intake received it; {@code null} in events written before it was kept
 */
@Revision("2") // revision 2 added receivedAt; golden/…r1.json holds revision 1
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
        List<String> personalDataCategories,
        Instant receivedAt) implements IncidentEvent {

    public IncidentOpened {
        assets = assets == null ? List.of() : List.copyOf(assets);
        personalDataCategories = personalDataCategories == null ? List.of() : List.copyOf(personalDataCategories);
    }

    /** The shape written before receipt times were kept: the receipt is unknown ({@code null}). */
    public IncidentOpened(String incidentId, String correlationKey, Instant openedAt, String detectionId,
                          String sourceSystem, String upstreamId, HarmKind harm, Severity severity, String title,
                          Instant observedAt, List<String> assets, List<String> personalDataCategories) {
        this(incidentId, correlationKey, openedAt, detectionId, sourceSystem, upstreamId, harm, severity, title,
                observedAt, assets, personalDataCategories, null);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return openedAt;
    }
}
