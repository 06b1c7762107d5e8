package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.RuleReference;
import io.breachflow.contracts.incident.WaiverGround;
import io.breachflow.contracts.incident.obligation.ObligationState;
import io.breachflow.contracts.incident.obligation.ObligationStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An obligation as the log says it stands. Its terms (from the latest determination), {@code state} and
 * {@code determinations} are those of the shared {@code ObligationLedger}; the history only adds what explains
 * them: what fulfilled it, the waiver that stands (and the ones revoked), the withdrawal, and the missed deadline of
 * its current clock. {@code waiverGrounds} are the only grounds on which it may be waived (none: it cannot be).
 */
public record Obligation(
        String obligationId,
        RuleReference rule,
        ObligationKind kind,
        String recipient,
        Instant dueAt,
        List<String> requiredContent,
        List<WaiverGround> waiverGrounds,
        String deadlineId,
        Instant determinedAt,
        int determinations,
        ObligationState state,
        Fulfilment fulfilment,
        Waiver waiver,
        List<Revocation> revocations,
        Withdrawal withdrawal,
        MissedDeadline missed) {

    public Obligation {
        requiredContent = requiredContent == null ? List.of() : List.copyOf(requiredContent);
        waiverGrounds = waiverGrounds == null ? List.of() : List.copyOf(waiverGrounds);
        revocations = revocations == null ? List.of() : List.copyOf(revocations);
    }

    /** A newly determined obligation, before any detail explains its state. */
    static Obligation of(ObligationStatus status) {
        return new Obligation(status.obligationId(), null, null, null, null, null, null, null, null, 0, null,
                null, null, null, null, null).synced(status);
    }

    /**
     * Terms and state as the ledger folded them. Details of a state the obligation left are dropped (a withdrawal
     * once it applies again, a waiver once revoked); a miss stays only while the ledger keeps it on this clock.
     */
    Obligation synced(ObligationStatus status) {
        NotificationObligationDetermined t = status.terms();
        ObligationState next = status.state();
        return new Obligation(t.obligationId(), t.rule(), t.kind(), t.recipient(), t.dueAt(), t.requiredContent(),
                t.waiverGrounds(), t.deadlineId(), t.determinedAt(), status.determinations(), next,
                next == ObligationState.FULFILLED ? fulfilment : null, next == ObligationState.WAIVED ? waiver : null,
                revocations, next == ObligationState.WITHDRAWN ? withdrawal : null, status.missed() ? missed : null);
    }

    Obligation fulfilledBy(Fulfilment by) {
        return new Obligation(obligationId, rule, kind, recipient, dueAt, requiredContent, waiverGrounds, deadlineId,
                determinedAt, determinations, state, by, waiver, revocations, withdrawal, missed);
    }

    Obligation waivedBy(Waiver by) {
        return new Obligation(obligationId, rule, kind, recipient, dueAt, requiredContent, waiverGrounds, deadlineId,
                determinedAt, determinations, state, fulfilment, by, revocations, withdrawal, missed);
    }

    Obligation revoked(Revocation revocation) {
        List<Revocation> all = new ArrayList<>(revocations);
        all.add(revocation);
        return new Obligation(obligationId, rule, kind, recipient, dueAt, requiredContent, waiverGrounds, deadlineId,
                determinedAt, determinations, state, fulfilment, null, all, withdrawal, missed);
    }

    Obligation withdrawnBy(Withdrawal by) {
        return new Obligation(obligationId, rule, kind, recipient, dueAt, requiredContent, waiverGrounds, deadlineId,
                determinedAt, determinations, state, fulfilment, waiver, revocations, by, missed);
    }

    Obligation missedAt(MissedDeadline deadline) {
        return new Obligation(obligationId, rule, kind, recipient, dueAt, requiredContent, waiverGrounds, deadlineId,
                determinedAt, determinations, state, fulfilment, waiver, revocations, withdrawal, deadline);
    }

    /** Whether it is still owed (not named {@code isOpen}, so that it is not a JSON property). */
    public boolean open() {
        return state == ObligationState.OPEN;
    }
}
