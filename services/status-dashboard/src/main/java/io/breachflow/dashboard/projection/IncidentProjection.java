package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentClosed;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentGraded;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentReopened;
import io.breachflow.contracts.incident.IncidentResolved;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Instant;
import java.util.Objects;

import static io.breachflow.dashboard.projection.RequiredFields.required;

/**
 * The incident read model as a pure function from (view, event) to view (the Marten style, DESIGN §7): no I/O,
 * no clock, no duplicate detection. The consumer loads the view, skips events whose sequence it has already
 * applied, calls {@link #apply} and stores the result; a rebuild replays the topic through the same function.
 * The obligation rules live in {@link ObligationLedger}.
 */
public final class IncidentProjection {

    private IncidentProjection() {
    }

    /**
     * The view after {@code event}.
     *
     * @param current   the view so far, {@code null} if the incident has none yet
     * @param sequence  the event's sequence within its incident (greater than {@code current.lastSequence()})
     * @param eventTime the event's business time
     * @throws UnprojectableEventException if the event lacks what the view needs or does not fit {@code current}
     */
    public static IncidentView apply(IncidentView current, IncidentEvent event, long sequence, Instant eventTime) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(eventTime, "eventTime");
        if (current != null && !current.incidentId().equals(event.incidentId())) {
            throw new IllegalArgumentException("view of " + current.incidentId() + " given an event of " + event.incidentId());
        }
        if (event instanceof IncidentOpened opened) {
            return IncidentOpening.open(current, opened, sequence, eventTime);
        }
        if (current == null) {
            // Without the opening the view would lack the opening time, harm and correlation key; and if the
            // opening is re-published later it would be skipped as a duplicate. Refuse, so that it is dead-lettered.
            throw new UnprojectableEventException("missed opening: incident " + event.incidentId()
                    + " has no view, so event " + sequence + " cannot be applied before its opening (sequence 0)");
        }
        IncidentViewDraft draft = current.edit();
        change(draft, event, eventTime);
        draft.milestones = draft.milestones.after(event, eventTime);
        return draft.at(sequence, eventTime).build();
    }

    private static void change(IncidentViewDraft draft, IncidentEvent event, Instant eventTime) {
        if (event instanceof DetectionCorrelated correlated) {
            // The status stays as it is: a further detection does not undo a triage verdict. It can only raise severity.
            draft.severity = draft.severity.max(correlated.severity());
            draft.detectionsCount++;
        } else if (event instanceof IncidentTriaged triaged) {
            TriageVerdict verdict = required(triaged.verdict(), "verdict", event);
            draft.triage = new IncidentView.Triage(verdict, triaged.rationale(), triaged.triagedBy());
            draft.status = verdict == TriageVerdict.CONFIRMED ? IncidentStatus.CONFIRMED : IncidentStatus.FALSE_POSITIVE;
        } else if (event instanceof ResponderAssigned assigned) {
            draft.assignee = required(assigned.assignee(), "assignee", event);
        } else if (event instanceof RemedialMeasureStarted started) {
            draft.openMeasureIds.add(required(started.measureId(), "measureId", event));
            ObligationLedger.measureStarted(draft.obligations);
        } else if (event instanceof RemedialMeasureCompleted completed) {
            draft.openMeasureIds.remove(required(completed.measureId(), "measureId", event));
        } else if (event instanceof ImpactAssessed assessed) {
            draft.subjectsAffected = assessed.subjectsAffected(); // the latest assessment replaces earlier ones
        } else if (event instanceof IncidentGraded graded) {
            draft.grade = required(graded.grade(), "grade", event);
        } else if (event instanceof IncidentResolved) {
            draft.status = IncidentStatus.RESOLVED;
            draft.resolvedAt = eventTime;
        } else if (event instanceof IncidentClosed) {
            draft.status = IncidentStatus.CLOSED;
            draft.closedAt = eventTime;
        } else if (event instanceof IncidentReopened) {
            // Reopened means "handled again", no longer resolved or closed (the history keeps when it was). As in the
            // workflow's aggregate: a confirmed incident is CONFIRMED again; a dismissed one (false positive) is
            // triaged afresh, so it is OPEN and its old verdict no longer stands.
            boolean dismissed = draft.triage != null && draft.triage.verdict() == TriageVerdict.FALSE_POSITIVE;
            draft.status = dismissed ? IncidentStatus.OPEN : IncidentStatus.CONFIRMED;
            if (dismissed) {
                draft.triage = null;
            }
            draft.resolvedAt = null;
            draft.closedAt = null;
        } else if (!(event instanceof NoteAdded)) { // a note belongs to the timeline; the view only records it was applied
            changeObligations(draft, event);
        }
    }

    private static void changeObligations(IncidentViewDraft draft, IncidentEvent event) {
        if (event instanceof NotificationObligationDetermined determined) {
            required(determined.obligationId(), "obligationId", event);
            required(determined.kind(), "kind", event);
            ObligationLedger.determined(draft.obligations, determined);
        } else if (event instanceof NotificationObligationWithdrawn withdrawn) {
            ObligationLedger.withdrawn(draft.obligations, required(withdrawn.obligationId(), "obligationId", event));
        } else if (event instanceof RegulatorNotified notified) {
            ObligationLedger.regulatorNotified(draft.obligations,
                    required(notified.obligationId(), "obligationId", event), notified.phase());
        } else if (event instanceof DataSubjectsNotified notified) {
            ObligationLedger.dataSubjectsNotified(draft.obligations, required(notified.obligationId(), "obligationId", event));
        } else if (event instanceof NotificationWaived waived) {
            ObligationLedger.waived(draft.obligations, required(waived.obligationId(), "obligationId", event));
        } else if (event instanceof DeadlineMissed missed) {
            required(missed.obligationId(), "obligationId", event);
            ObligationLedger.deadlineMissed(draft.obligations, missed);
        } else {
            throw new UnprojectableEventException("no projection for " + event.getClass().getSimpleName());
        }
    }
}
