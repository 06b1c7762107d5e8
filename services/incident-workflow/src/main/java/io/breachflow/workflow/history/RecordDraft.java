package io.breachflow.workflow.history;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.FilingDetail;
import io.breachflow.contracts.incident.obligation.ObligationLedger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mutable copy of an {@link IncidentRecord}, alive only inside one fold step: the step copies the record, changes
 * what its event changes and freezes it again. It keeps the fold pure without a "with" method per component.
 */
final class RecordDraft {

    String incidentId;
    IncidentStatus status;
    Instant openedAt;
    Awareness awareness;
    Basis basis;
    String correlationKey;
    final List<DetectionEntry> detections;
    final Set<HarmKind> harms;
    Triage triage;
    Assignment assignment;
    final List<Measure> measures;
    Assessment assessment;
    GradeEntry grade;
    final List<GradeEntry> gradeHistory;
    final List<Obligation> obligations;
    ObligationLedger ledger;
    final List<Notification> notifications;
    final Map<FilingDetail, StatedDetail> filingDetails;
    Resolution resolution;
    Closure closure;
    final List<Reopening> reopenings;
    final List<Note> notes;
    final List<MissedDeadline> missedDeadlines;
    final List<Erasure> erasures;
    Instant asOf;
    long lastSequence;

    /** An empty draft, before the incident's first event. */
    RecordDraft() {
        detections = new ArrayList<>();
        harms = new LinkedHashSet<>();
        measures = new ArrayList<>();
        gradeHistory = new ArrayList<>();
        obligations = new ArrayList<>();
        ledger = ObligationLedger.EMPTY;
        notifications = new ArrayList<>();
        filingDetails = new EnumMap<>(FilingDetail.class);
        reopenings = new ArrayList<>();
        notes = new ArrayList<>();
        missedDeadlines = new ArrayList<>();
        erasures = new ArrayList<>();
        lastSequence = -1;
    }

    RecordDraft(IncidentRecord r) {
        incidentId = r.incidentId();
        status = r.status();
        openedAt = r.openedAt();
        awareness = r.awareness();
        basis = r.basis();
        correlationKey = r.correlationKey();
        detections = new ArrayList<>(r.detections());
        harms = new LinkedHashSet<>(r.harms());
        triage = r.triage();
        assignment = r.assignment();
        measures = new ArrayList<>(r.measures());
        assessment = r.assessment();
        grade = r.grade();
        gradeHistory = new ArrayList<>(r.gradeHistory());
        obligations = new ArrayList<>(r.obligations());
        ledger = r.ledger();
        notifications = new ArrayList<>(r.notifications());
        filingDetails = new EnumMap<>(FilingDetail.class);
        filingDetails.putAll(r.filingDetails());
        resolution = r.resolution();
        closure = r.closure();
        reopenings = new ArrayList<>(r.reopenings());
        notes = new ArrayList<>(r.notes());
        missedDeadlines = new ArrayList<>(r.missedDeadlines());
        erasures = new ArrayList<>(r.erasures());
        asOf = r.asOf();
        lastSequence = r.lastSequence();
    }

    IncidentRecord freeze() {
        return new IncidentRecord(incidentId, status, openedAt, awareness, basis, correlationKey, detections,
                List.copyOf(harms), triage, assignment, measures, assessment, grade, gradeHistory, obligations,
                notifications, filingDetails, resolution, closure, reopenings, notes, missedDeadlines, erasures, asOf,
                lastSequence, ledger);
    }
}
