package io.breachflow.workflow.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A mutable copy of an {@link IncidentRecord}, alive only inside one fold step: the step copies the record, changes
 * what its event changes and freezes it again. It keeps the fold pure without a "with" method per component.
 */
final class RecordDraft {

    String incidentId;
    IncidentStatus status;
    Instant openedAt;
    String correlationKey;
    final List<DetectionEntry> detections;
    Triage triage;
    Assignment assignment;
    final List<Measure> measures;
    Assessment assessment;
    GradeEntry grade;
    final List<GradeEntry> gradeHistory;
    final List<Obligation> obligations;
    final List<Notification> notifications;
    Resolution resolution;
    Closure closure;
    final List<Reopening> reopenings;
    final List<Note> notes;
    final List<MissedDeadline> missedDeadlines;
    Instant asOf;
    long lastSequence;

    /** An empty draft, before the incident's first event. */
    RecordDraft() {
        detections = new ArrayList<>();
        measures = new ArrayList<>();
        gradeHistory = new ArrayList<>();
        obligations = new ArrayList<>();
        notifications = new ArrayList<>();
        reopenings = new ArrayList<>();
        notes = new ArrayList<>();
        missedDeadlines = new ArrayList<>();
        lastSequence = -1;
    }

    RecordDraft(IncidentRecord r) {
        incidentId = r.incidentId();
        status = r.status();
        openedAt = r.openedAt();
        correlationKey = r.correlationKey();
        detections = new ArrayList<>(r.detections());
        triage = r.triage();
        assignment = r.assignment();
        measures = new ArrayList<>(r.measures());
        assessment = r.assessment();
        grade = r.grade();
        gradeHistory = new ArrayList<>(r.gradeHistory());
        obligations = new ArrayList<>(r.obligations());
        notifications = new ArrayList<>(r.notifications());
        resolution = r.resolution();
        closure = r.closure();
        reopenings = new ArrayList<>(r.reopenings());
        notes = new ArrayList<>(r.notes());
        missedDeadlines = new ArrayList<>(r.missedDeadlines());
        asOf = r.asOf();
        lastSequence = r.lastSequence();
    }

    IncidentRecord freeze() {
        return new IncidentRecord(incidentId, status, openedAt, correlationKey, detections, triage, assignment, measures,
                assessment, grade, gradeHistory, obligations, notifications, resolution, closure, reopenings, notes,
                missedDeadlines, asOf, lastSequence);
    }
}
