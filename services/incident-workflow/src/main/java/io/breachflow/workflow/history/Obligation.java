package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.RuleReference;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An obligation as the log says it stands: its terms (from its latest determination — a later determination with
 * the same id replaces the terms), its state and what decided that state, and the missed deadline of its current
 * clock if that ran out. {@code determinations} counts how often it was (re)determined.
 */
public record Obligation(
        String obligationId,
        RuleReference rule,
        ObligationKind kind,
        String recipient,
        Instant dueAt,
        List<String> requiredContent,
        String deadlineId,
        Instant determinedAt,
        int determinations,
        ObligationState state,
        Fulfilment fulfilment,
        Waiver waiver,
        Withdrawal withdrawal,
        MissedDeadline missed) {

    public Obligation {
        requiredContent = requiredContent == null ? List.of() : List.copyOf(requiredContent);
    }

    static Obligation determined(NotificationObligationDetermined e) {
        return new Obligation(e.obligationId(), e.rule(), e.kind(), e.recipient(), e.dueAt(), e.requiredContent(),
                e.deadlineId(), e.determinedAt(), 1, ObligationState.OPEN, null, null, null, null);
    }

    /**
     * New terms for this obligation. What was done stays done: a fulfilment or a waiver stands. A withdrawn
     * obligation applies again. The missed deadline belonged to the old clock (it stays in the incident's list).
     */
    Obligation redetermined(NotificationObligationDetermined e) {
        ObligationState next = state == ObligationState.WITHDRAWN ? ObligationState.OPEN : state;
        // A new rule version with the same clock keeps the clock's history; a new due time starts a new clock.
        boolean sameClock = state == ObligationState.OPEN && Objects.equals(dueAt, e.dueAt());
        return new Obligation(obligationId, e.rule(), e.kind(), e.recipient(), e.dueAt(), e.requiredContent(),
                e.deadlineId(), e.determinedAt(), determinations + 1, next, fulfilment, waiver,
                next == ObligationState.OPEN ? null : withdrawal, sameClock ? missed : null);
    }

    Obligation fulfilled(Fulfilment by) {
        return new Obligation(obligationId, rule, kind, recipient, dueAt, requiredContent, deadlineId, determinedAt,
                determinations, ObligationState.FULFILLED, by, waiver, withdrawal, missed);
    }

    Obligation waived(Waiver by) {
        return new Obligation(obligationId, rule, kind, recipient, dueAt, requiredContent, deadlineId, determinedAt,
                determinations, ObligationState.WAIVED, fulfilment, by, withdrawal, missed);
    }

    Obligation withdrawn(Withdrawal by) {
        return new Obligation(obligationId, rule, kind, recipient, dueAt, requiredContent, deadlineId, determinedAt,
                determinations, ObligationState.WITHDRAWN, fulfilment, waiver, by, missed);
    }

    Obligation missed(MissedDeadline deadline) {
        return new Obligation(obligationId, rule, kind, recipient, dueAt, requiredContent, deadlineId, determinedAt,
                determinations, state, fulfilment, waiver, withdrawal, deadline);
    }

    /** Whether it is still owed (not named {@code isOpen}, so that it is not a JSON property). */
    public boolean open() {
        return state == ObligationState.OPEN;
    }
}
