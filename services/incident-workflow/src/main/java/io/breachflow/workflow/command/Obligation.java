package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.ObligationKind;

import java.time.Instant;

/** An obligation as the Incident aggregate tracks it: what it is, its clock, and whether it is settled. */
record Obligation(NotificationObligationDetermined determined, State state, boolean missed) {

    enum State { OPEN, FULFILLED, WAIVED, WITHDRAWN }

    static Obligation open(NotificationObligationDetermined determined) {
        return new Obligation(determined, State.OPEN, false);
    }

    String id() {
        return determined.obligationId();
    }

    ObligationKind kind() {
        return determined.kind();
    }

    Instant dueAt() {
        return determined.dueAt();
    }

    String deadlineId() {
        return determined.deadlineId();
    }

    boolean isOpen() {
        return state == State.OPEN;
    }

    Obligation with(State next) {
        return new Obligation(determined, next, missed);
    }

    Obligation markMissed() {
        return new Obligation(determined, state, true);
    }

    /** For a person: the rule, what is due and to whom, and when. */
    String describe() {
        return determined.rule().citation() + ": " + kind().name().toLowerCase().replace('_', ' ') + " to "
                + determined.recipient() + (dueAt() == null ? "" : ", due " + dueAt());
    }
}
