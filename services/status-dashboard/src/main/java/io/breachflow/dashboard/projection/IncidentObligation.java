package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.ObligationKind;

import java.time.Instant;

/**
 * One obligation of an incident as the dashboard keeps it: a row of {@code incident_obligation}. Whether it is
 * overdue depends on the time of the question, so it is not stored but derived by the queries.
 *
 * @param citation where the rule is written (e.g. "PIPL Art. 57"), {@code null} if the event named no rule
 * @param dueAt    when it must be done, {@code null} for an obligation without a clock
 * @param missed   whether a {@code DeadlineMissed} was recorded for its current due time
 */
public record IncidentObligation(
        String obligationId,
        ObligationKind kind,
        String recipient,
        String citation,
        Instant dueAt,
        ObligationState state,
        boolean missed) {

    public boolean isOpen() {
        return state == ObligationState.OPEN;
    }

    /** Overdue at {@code now}: still open, and its clock ran out (recorded, or due before {@code now}). */
    public boolean overdueAt(Instant now) {
        return isOpen() && (missed || dueAt != null && dueAt.isBefore(now));
    }

    IncidentObligation inState(ObligationState newState) {
        return new IncidentObligation(obligationId, kind, recipient, citation, dueAt, newState, missed);
    }

    IncidentObligation markedMissed() {
        return new IncidentObligation(obligationId, kind, recipient, citation, dueAt, state, true);
    }
}
