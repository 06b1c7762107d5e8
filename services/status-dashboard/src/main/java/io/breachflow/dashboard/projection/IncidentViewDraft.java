package io.breachflow.dashboard.projection;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.obligation.ObligationLedger;

import java.time.Instant;
import java.util.EnumSet;
import java.util.TreeSet;

/**
 * A working copy of an {@link IncidentView} while one event is applied. It never escapes the projection: the
 * projection copies the given view into a draft, changes the draft and returns {@link #build()}, so the given
 * view is left as it was and {@link IncidentProjection} stays a pure function.
 */
final class IncidentViewDraft {

    private final IncidentView base;
    IncidentStatus status;
    Severity severity;
    int detectionsCount;
    IncidentView.Triage triage;
    String assignee;
    String assigneeTag;
    IncidentGrade grade;
    Long subjectsAffected;
    final TreeSet<String> openMeasureIds;
    Instant resolvedAt;
    Instant closedAt;
    ObligationLedger ledger;
    long lastSequence;
    Instant lastEventAt;
    Milestones milestones;
    IncidentView.Awareness awareness;
    final EnumSet<HarmKind> harms;
    IncidentView.Erasure erasure;

    IncidentViewDraft(IncidentView base) {
        this.base = base;
        status = base.status();
        severity = base.severity();
        detectionsCount = base.detectionsCount();
        triage = base.triage();
        assignee = base.assignee();
        assigneeTag = base.assigneeTag();
        grade = base.grade();
        subjectsAffected = base.subjectsAffected();
        openMeasureIds = new TreeSet<>(base.openMeasureIds());
        resolvedAt = base.resolvedAt();
        closedAt = base.closedAt();
        ledger = base.ledger();
        lastSequence = base.lastSequence();
        lastEventAt = base.lastEventAt();
        milestones = base.milestones();
        awareness = base.awareness();
        harms = EnumSet.noneOf(HarmKind.class);
        harms.addAll(base.harms());
        erasure = base.erasure();
    }

    /** Stamps the draft as having applied the event of {@code sequence}, which happened at {@code eventTime}. */
    IncidentViewDraft at(long sequence, Instant eventTime) {
        lastSequence = sequence;
        lastEventAt = eventTime;
        return this;
    }

    IncidentView build() {
        // What an opening fixed (harm, title, source, correlation key, opening time) never changes afterwards.
        return new IncidentView(base.incidentId(), status, base.harm(), severity, base.title(), base.sourceSystem(),
                base.correlationKey(), base.openedAt(), detectionsCount, triage, assignee, assigneeTag, grade, subjectsAffected,
                openMeasureIds, resolvedAt, closedAt, ledger, lastSequence, lastEventAt, milestones, awareness, harms, erasure);
    }
}
