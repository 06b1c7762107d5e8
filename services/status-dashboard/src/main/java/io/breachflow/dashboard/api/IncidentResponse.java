package io.breachflow.dashboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.ErasureGround;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.dashboard.projection.IncidentStatus;
import io.breachflow.dashboard.projection.IncidentView;
import io.breachflow.dashboard.query.IncidentDetail;
import io.breachflow.dashboard.query.IncidentSummary;
import io.breachflow.service.seal.KeyRing;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * An incident as the query API shows it; a shape of its own, so the tables can change without the API. Made only with
 * the incident's key ring: the view holds responder free text sealed, the answer shows it read through the ring.
 */
@Schema(name = "Incident", description = "An incident as the dashboard knows it. Responder free text (the assignee,"
        + " the triage rationale) reads \"" + KeyRing.ERASED + "\" once the incident's personal data was erased, and \""
        + KeyRing.UNAVAILABLE + "\" while the key store cannot be read")
public record IncidentResponse(
        @Schema(description = "Incident id") String id,
        IncidentStatus status,
        @Schema(description = "What may have happened to personal data") HarmKind harm,
        @Schema(description = "The highest severity of its detections") Severity severity,
        String title,
        @Schema(description = "The alerting system of the opening detection") String sourceSystem,
        String correlationKey,
        @Schema(description = "When the workflow processed the first detection and opened it") Instant openedAt,
        @Schema(description = "Moment of awareness, from which every legal clock runs: the earliest receipt (or, by"
                + " policy, alert) time of its detections; null for incidents recorded before awareness was (their"
                + " clocks ran from the opening)", nullable = true) Instant awareAt,
        @Schema(description = "Which time of a detection counts as awareness; null with awareAt", nullable = true)
        AwarenessSource awarenessFrom,
        @Schema(description = "When Breachflow's intake received the first detection; null for older incidents",
                nullable = true) Instant receivedAt,
        @Schema(description = "When the alerting system saw the first detection", nullable = true) Instant observedAt,
        @Schema(description = "Every harm its detections reported or an assessment found") List<HarmKind> harms,
        @Schema(description = "Detections correlated into it, the opening one included") int detectionsCount,
        @Schema(description = "The triage outcome; null until triaged", nullable = true) Triage triage,
        @Schema(description = "The responder accountable for it; null until assigned; \"" + KeyRing.ERASED
                + "\" after an erasure", nullable = true) String assignee,
        @Schema(description = "Its grade (CAC incident-reporting measures); null until graded", nullable = true)
        IncidentGrade grade,
        @Schema(description = "People affected, by the latest impact assessment; null until assessed", nullable = true)
        Long subjectsAffected,
        @Schema(description = "Remedial measures started and not yet completed") int openMeasures,
        @Schema(description = "The earliest due time among its open obligations; null when none has a clock",
                nullable = true) NextDeadlineResponse nextDeadline,
        @Schema(description = "How many open obligations are overdue now (due time passed, or recorded as missed)")
        int overdue,
        @Schema(description = "When it was resolved; null unless resolved or closed", nullable = true) Instant resolvedAt,
        @Schema(description = "When it was closed; null unless closed", nullable = true) Instant closedAt,
        @Schema(description = "When its personal data (responder free text) was erased; null unless it was",
                nullable = true) Instant erasedAt,
        @Schema(description = "Why its personal data was erased; null unless it was", nullable = true)
        ErasureGround erasureGround,
        @Schema(description = "Its obligations, earliest due time first; only in GET /api/incidents/{id}", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ObligationResponse> obligations,
        @Schema(description = "Sequence of the last event applied to this view") long lastSequence,
        @Schema(description = "Business time of the last event applied") Instant lastUpdatedAt,
        @Schema(description = "Set when the dashboard met an event of this incident it cannot project (an unknown"
                + " type, unreadable): it stopped applying this incident's events there, and the view shows the state"
                + " before that event until a release that reads it rebuilds the read model; null otherwise",
                nullable = true) ProjectionStall projectionStalled) {

    @Schema(name = "ProjectionStall")
    public record ProjectionStall(@Schema(description = "When the projection of this incident stopped") Instant since,
                                  @Schema(description = "Why: the kind of record it could not project") String reason) {
    }

    @Schema(name = "Triage")
    public record Triage(TriageVerdict verdict,
                         @Schema(description = "Why; \"" + KeyRing.ERASED + "\" after an erasure") String rationale,
                         String triagedBy) {
    }

    @Schema(name = "NextDeadline", description = "The open obligation that is due first")
    public record NextDeadlineResponse(String obligationId, Instant dueAt, String recipient) {
    }

    /** A list item: everything but the obligations; {@code ring} is the incident's. */
    static IncidentResponse of(IncidentSummary summary, KeyRing ring) {
        return of(summary, ring, null);
    }

    static IncidentResponse of(IncidentDetail detail, KeyRing ring) {
        return of(detail.summary(), ring, detail.obligations().stream().map(ObligationResponse::of).toList());
    }

    private static IncidentResponse of(IncidentSummary summary, KeyRing ring, List<ObligationResponse> obligations) {
        IncidentView view = summary.view();
        IncidentView.Triage triage = view.triage();
        IncidentView.Awareness awareness = view.awareness();
        IncidentView.Erasure erasure = view.erasure();
        NextDeadlineResponse next = summary.nextDeadline() == null ? null : new NextDeadlineResponse(
                summary.nextDeadline().obligationId(), summary.nextDeadline().dueAt(), summary.nextDeadline().recipient());
        return new IncidentResponse(view.incidentId(), view.status(), view.harm(), view.severity(), view.title(),
                view.sourceSystem(), view.correlationKey(), view.openedAt(), awareness.awareAt(),
                awareness.awarenessFrom(), awareness.firstReceivedAt(), awareness.firstObservedAt(),
                List.copyOf(view.harms()), view.detectionsCount(),
                triage == null ? null : new Triage(triage.verdict(), ring.read(triage.rationale()), triage.triagedBy()),
                ring.read(view.assignee()), view.grade(), view.subjectsAffected(), view.openMeasures(), next,
                summary.overdue(), view.resolvedAt(), view.closedAt(), erasure == null ? null : erasure.erasedAt(),
                erasure == null ? null : erasure.ground(), obligations, view.lastSequence(), view.lastEventAt(),
                summary.stall() == null ? null : new ProjectionStall(summary.stall().since(), summary.stall().reason()));
    }
}
