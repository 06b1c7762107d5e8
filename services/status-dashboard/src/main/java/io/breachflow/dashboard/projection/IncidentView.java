package io.breachflow.dashboard.projection;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Instant;

/**
 * The dashboard's view of one incident: a row of {@code incident_view}, produced only by
 * {@link IncidentProjection} and stored by {@link IncidentViewStore}.
 *
 * @param lastSequence the aggregate sequence of the last event applied; events at or below it are duplicates
 * @param lastEventAt  the business time of the last event applied
 * @param triage       the triage outcome, {@code null} until the incident is triaged
 */
public record IncidentView(
        String incidentId,
        IncidentStatus status,
        HarmKind harm,
        Severity severity,
        String title,
        String sourceSystem,
        String correlationKey,
        Instant openedAt,
        int detectionsCount,
        Triage triage,
        long lastSequence,
        Instant lastEventAt) {

    /** Who triaged the incident, with what verdict and why. */
    public record Triage(TriageVerdict verdict, String rationale, String triagedBy) {
    }

    /** This view after one more correlated detection, which can only raise the severity. */
    IncidentView withDetection(Severity detectionSeverity) {
        return new IncidentView(incidentId, status, harm, severity.max(detectionSeverity), title, sourceSystem,
                correlationKey, openedAt, detectionsCount + 1, triage, lastSequence, lastEventAt);
    }

    /** This view with a triage outcome, and the status that follows from its verdict. */
    IncidentView withTriage(Triage outcome, IncidentStatus newStatus) {
        return new IncidentView(incidentId, newStatus, harm, severity, title, sourceSystem, correlationKey,
                openedAt, detectionsCount, outcome, lastSequence, lastEventAt);
    }

    /** This view stamped as having applied the event of {@code sequence}, which happened at {@code eventTime}. */
    IncidentView at(long sequence, Instant eventTime) {
        return new IncidentView(incidentId, status, harm, severity, title, sourceSystem, correlationKey,
                openedAt, detectionsCount, triage, sequence, eventTime);
    }
}
