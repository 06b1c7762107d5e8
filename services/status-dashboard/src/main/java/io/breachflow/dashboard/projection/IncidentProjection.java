package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.FilingDetailsProvided;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
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
import io.breachflow.contracts.incident.ObligationFulfilled;
import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.contracts.incident.WaiverRevoked;
import io.breachflow.contracts.incident.obligation.ObligationLedger;
import io.breachflow.contracts.incident.obligation.ObligationState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.breachflow.dashboard.projection.RequiredFields.required;

/**
 * The incident read model as a pure function from (view, event) to view (the Marten style, DESIGN §7): no I/O,
 * no clock, no duplicate detection. The consumer loads the view, skips events whose sequence it has already
 * applied, calls {@link #apply} and stores the result; a rebuild replays the topic through the same function.
 * Obligations are folded by the shared contracts {@link ObligationLedger}, the one model the workflow folds too: the
 * dashboard decides nothing about them, so the same stream gives exactly the ledger's states.
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
        draft.ledger = draft.ledger.apply(event);
        draft.milestones = draft.milestones.after(event, eventTime);
        return draft.at(sequence, eventTime).build();
    }

    /**
     * Per obligation id, its state, miss and due time as the dashboard shows them after {@code events}, the whole log
     * of one incident in order (its opening first): for tests that compare the readers of one stream. Each event is
     * applied as the consumer does, with its index as sequence and its own time, and after each the view is passed
     * through its stored form (obligation rows, the ledger rebuilt from them), as if every event came in a batch
     * of its own; so it checks what the board reads, not only the fold.
     */
    public static Map<String, ObligationOutcome> obligationOutcomes(List<? extends IncidentEvent> events) {
        Map<String, ObligationOutcome> outcomes = new LinkedHashMap<>();
        replay(events, true).obligations().forEach((id, o) -> outcomes.put(id, new ObligationOutcome(o.state(), o.missed(), o.dueAt())));
        return outcomes;
    }

    /** What {@link #obligationOutcomes} reports for one obligation. */
    public record ObligationOutcome(ObligationState state, boolean missed, Instant dueAt) {
    }

    /**
     * The view after {@code events}, the whole log of one incident in order, each applied with its index as sequence
     * and its own time (the previous one's if it has none).
     *
     * @param throughRows pass the view through its stored form after each event, as a reload from the store would
     */
    public static IncidentView replay(List<? extends IncidentEvent> events, boolean throughRows) {
        IncidentView view = null;
        Instant time = Instant.EPOCH;
        long sequence = 0;
        for (IncidentEvent event : events) {
            time = event.occurredAt() == null ? time : event.occurredAt();
            view = apply(view, event, sequence++, time);
            if (throughRows) {
                view = view.withObligations(view.obligations());
            }
        }
        return view;
    }

    private static void change(IncidentViewDraft draft, IncidentEvent event, Instant eventTime) {
        if (event instanceof DetectionCorrelated correlated) {
            // The status stays as it is: a further detection does not undo a triage verdict. It can only raise severity.
            draft.severity = draft.severity.max(correlated.severity());
            draft.detectionsCount++;
            if (correlated.harm() != null) {
                draft.harms.add(correlated.harm());
            }
        } else if (event instanceof IncidentTriaged triaged) {
            TriageVerdict verdict = required(triaged.verdict(), "verdict", event);
            draft.triage = new IncidentView.Triage(verdict, triaged.rationale(), triaged.triagedBy());
            draft.status = verdict == TriageVerdict.CONFIRMED ? IncidentStatus.CONFIRMED : IncidentStatus.FALSE_POSITIVE;
        } else if (event instanceof ResponderAssigned assigned) {
            // Both as the event gives them: the name sealed (opened only when answering), the tag a keyed hash (null
            // before revision 2, then the filter matches the plain name those events carry).
            draft.assignee = required(assigned.assignee(), "assignee", event);
            draft.assigneeTag = assigned.assigneeTag();
        } else if (event instanceof RemedialMeasureStarted started) {
            draft.openMeasureIds.add(required(started.measureId(), "measureId", event));
        } else if (event instanceof RemedialMeasureCompleted completed) {
            draft.openMeasureIds.remove(required(completed.measureId(), "measureId", event));
        } else if (event instanceof ImpactAssessed assessed) {
            draft.subjectsAffected = assessed.subjectsAffected(); // the latest assessment replaces earlier ones
            draft.harms.addAll(assessed.harms()); // harms accumulate: an assessment never removes one by omission
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
        } else if (event instanceof IncidentBasisRecorded basis) {
            // The latest basis states awareness (an earlier detection moves it back; a re-basing restates it).
            IncidentView.Awareness known = draft.awareness;
            draft.awareness = new IncidentView.Awareness(required(basis.awareAt(), "awareAt", event),
                    basis.awarenessFrom(), known.firstReceivedAt(), known.firstObservedAt());
        } else if (event instanceof PersonalDataErased erased) {
            // Nothing stored is rewritten: the keys are destroyed in the workflow's key store, so the sealed texts
            // read as erased wherever they are. The view records that, and when, for the people who read it.
            draft.erasure = new IncidentView.Erasure(eventTime, required(erased.ground(), "ground", event));
        } else if (!(event instanceof NoteAdded || event instanceof FilingDetailsProvided)) {
            // Notes and filing details belong to the timeline; the view only records that they were applied.
            checkObligationEvent(event);
        }
    }

    /**
     * Refuses an obligation event without what the ledger needs to place it (it is dead-lettered), and any event the
     * projection does not know; the ledger itself folds them all ({@link #apply}).
     */
    private static void checkObligationEvent(IncidentEvent event) {
        if (event instanceof NotificationObligationDetermined determined) {
            required(determined.obligationId(), "obligationId", event);
            required(determined.kind(), "kind", event);
        } else if (event instanceof NotificationObligationWithdrawn withdrawn) {
            required(withdrawn.obligationId(), "obligationId", event);
        } else if (event instanceof RegulatorNotified notified) {
            required(notified.obligationId(), "obligationId", event);
        } else if (event instanceof DataSubjectsNotified notified) {
            required(notified.obligationId(), "obligationId", event);
        } else if (event instanceof NotificationWaived waived) {
            required(waived.obligationId(), "obligationId", event);
        } else if (event instanceof DeadlineMissed missed) {
            required(missed.obligationId(), "obligationId", event);
        } else if (event instanceof ObligationFulfilled fulfilled) {
            required(fulfilled.obligationId(), "obligationId", event);
        } else if (event instanceof WaiverRevoked revoked) {
            required(revoked.obligationId(), "obligationId", event);
        } else {
            throw new UnprojectableEventException("no projection for " + event.getClass().getSimpleName());
        }
    }
}
