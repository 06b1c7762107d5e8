package io.breachflow.workflow.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The full state of one incident as known at a point of its event log, rebuilt by {@link IncidentHistory} from the
 * events alone. It is what auditors read ("what did we know at 10:42?") and what filings are generated from.
 *
 * <p>{@code openedAt} is the moment of awareness, from which the legal clocks run. {@code asOf} is the point of the
 * log the record reflects and {@code lastSequence} the aggregate sequence number of the last event folded in. Lists
 * are in the order of the log; {@code grade} is the latest of {@code gradeHistory}.
 */
public record IncidentRecord(
        String incidentId,
        IncidentStatus status,
        Instant openedAt,
        String correlationKey,
        List<DetectionEntry> detections,
        Triage triage,
        Assignment assignment,
        List<Measure> measures,
        Assessment assessment,
        GradeEntry grade,
        List<GradeEntry> gradeHistory,
        List<Obligation> obligations,
        List<Notification> notifications,
        Resolution resolution,
        Closure closure,
        List<Reopening> reopenings,
        List<Note> notes,
        List<MissedDeadline> missedDeadlines,
        Instant asOf,
        long lastSequence) {

    public IncidentRecord {
        detections = List.copyOf(detections);
        measures = List.copyOf(measures);
        gradeHistory = List.copyOf(gradeHistory);
        obligations = List.copyOf(obligations);
        notifications = List.copyOf(notifications);
        reopenings = List.copyOf(reopenings);
        notes = List.copyOf(notes);
        missedDeadlines = List.copyOf(missedDeadlines);
    }

    /** The obligation with this id, if one was determined. */
    public Optional<Obligation> obligation(String obligationId) {
        return obligations.stream().filter(o -> o.obligationId().equals(obligationId)).findFirst();
    }

    /** The same record, stamped with the point of the log it reflects. */
    public IncidentRecord at(Instant pointOfLog, long sequence) {
        return new IncidentRecord(incidentId, status, openedAt, correlationKey, detections, triage, assignment, measures,
                assessment, grade, gradeHistory, obligations, notifications, resolution, closure, reopenings, notes,
                missedDeadlines, pointOfLog, sequence);
    }
}
