package io.breachflow.dashboard.api;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.dashboard.projection.IncidentStatus;
import io.breachflow.dashboard.projection.IncidentView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An incident as the query API shows it; a shape of its own, so the table can change without the API. */
@Schema(name = "Incident", description = "An incident as the dashboard knows it")
public record IncidentResponse(
        @Schema(description = "Incident id") String id,
        IncidentStatus status,
        @Schema(description = "What may have happened to personal data") HarmKind harm,
        @Schema(description = "The highest severity of its detections") Severity severity,
        String title,
        @Schema(description = "The alerting system of the opening detection") String sourceSystem,
        String correlationKey,
        @Schema(description = "Moment of awareness: when the first detection opened it") Instant openedAt,
        @Schema(description = "Detections correlated into it, the opening one included") int detectionsCount,
        @Schema(description = "The triage outcome; null until triaged", nullable = true) Triage triage,
        @Schema(description = "Sequence of the last event applied to this view") long lastSequence,
        @Schema(description = "Business time of the last event applied") Instant lastUpdatedAt) {

    @Schema(name = "Triage")
    public record Triage(TriageVerdict verdict, String rationale, String triagedBy) {
    }

    static IncidentResponse of(IncidentView view) {
        IncidentView.Triage triage = view.triage();
        return new IncidentResponse(view.incidentId(), view.status(), view.harm(), view.severity(), view.title(),
                view.sourceSystem(), view.correlationKey(), view.openedAt(), view.detectionsCount(),
                triage == null ? null : new Triage(triage.verdict(), triage.rationale(), triage.triagedBy()),
                view.lastSequence(), view.lastEventAt());
    }
}
