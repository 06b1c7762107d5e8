package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.ReportPhase;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The obligation rules of the projection, on the obligations of an {@link IncidentViewDraft}: determination
 * (a later one with the same id replaces the earlier), fulfilment, waiver, withdrawal, missed clocks.
 * <p>
 * Only an OPEN obligation is fulfilled, waived or withdrawn: one that is already settled keeps how it was settled.
 * An event naming an obligation the view does not know changes no obligation (the event itself is still applied),
 * since the dashboard cannot invent the kind, recipient and due time it never saw.
 */
final class ObligationLedger {

    private ObligationLedger() {
    }

    static void determined(Map<String, IncidentObligation> obligations, NotificationObligationDetermined event) {
        IncidentObligation earlier = obligations.get(event.obligationId());
        // A re-determination (e.g. on regrading) changes the terms, not what was already done: a notification sent
        // or a waiver given still counts. A withdrawn obligation that is determined again applies again.
        ObligationState state = earlier == null || earlier.state() == ObligationState.WITHDRAWN
                ? ObligationState.OPEN : earlier.state();
        // A recorded miss belongs to the clock that ran out; a new due time is a new clock.
        boolean missed = earlier != null && earlier.missed() && Objects.equals(earlier.dueAt(), event.dueAt());
        String citation = event.rule() == null ? null : event.rule().citation();
        obligations.put(event.obligationId(), new IncidentObligation(event.obligationId(), event.kind(),
                event.recipient(), citation, event.dueAt(), state, missed));
    }

    static void withdrawn(Map<String, IncidentObligation> obligations, String obligationId) {
        settle(obligations, obligationId, Set.of(ObligationKind.values()), ObligationState.WITHDRAWN);
    }

    static void waived(Map<String, IncidentObligation> obligations, String obligationId) {
        settle(obligations, obligationId, Set.of(ObligationKind.values()), ObligationState.WAIVED);
    }

    /** A report to an authority fulfils a regulator notification; only a FINAL one also fulfils a final report. */
    static void regulatorNotified(Map<String, IncidentObligation> obligations, String obligationId, ReportPhase phase) {
        Set<ObligationKind> answers = phase == ReportPhase.FINAL
                ? Set.of(ObligationKind.REGULATOR_NOTIFICATION, ObligationKind.FINAL_REPORT)
                : Set.of(ObligationKind.REGULATOR_NOTIFICATION);
        settle(obligations, obligationId, answers, ObligationState.FULFILLED);
    }

    static void dataSubjectsNotified(Map<String, IncidentObligation> obligations, String obligationId) {
        settle(obligations, obligationId, Set.of(ObligationKind.DATA_SUBJECT_NOTIFICATION), ObligationState.FULFILLED);
    }

    /** The first remedial measure started fulfils every open remedial-measure obligation; later ones find none. */
    static void measureStarted(Map<String, IncidentObligation> obligations) {
        obligations.replaceAll((id, obligation) -> obligation.isOpen() && obligation.kind() == ObligationKind.REMEDIAL_MEASURE
                ? obligation.inState(ObligationState.FULFILLED) : obligation);
    }

    static void deadlineMissed(Map<String, IncidentObligation> obligations, DeadlineMissed event) {
        IncidentObligation obligation = obligations.get(event.obligationId());
        // A clock of an earlier due time can still fire after a re-determination moved it (the workflow cancels
        // it, but a race is possible): that miss does not make the current, later due time overdue.
        if (obligation == null || event.dueAt() != null && obligation.dueAt() != null
                && !event.dueAt().equals(obligation.dueAt())) {
            return;
        }
        obligations.put(obligation.obligationId(), obligation.markedMissed());
    }

    private static void settle(Map<String, IncidentObligation> obligations, String obligationId,
                               Set<ObligationKind> answers, ObligationState settled) {
        IncidentObligation obligation = obligations.get(obligationId);
        if (obligation != null && obligation.isOpen() && answers.contains(obligation.kind())) {
            obligations.put(obligationId, obligation.inState(settled));
        }
    }
}
