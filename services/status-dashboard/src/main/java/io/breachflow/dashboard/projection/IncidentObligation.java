package io.breachflow.dashboard.projection;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.obligation.ObligationState;
import io.breachflow.contracts.incident.obligation.ObligationStatus;

import java.time.Instant;

/**
 * One obligation of an incident as the dashboard keeps it: a row of {@code incident_obligation}, made from the
 * {@link ObligationStatus} the shared {@code ObligationLedger} folded (never derived here), and holding all the
 * ledger needs to be rebuilt from the rows ({@link StoredLedger}). Whether it is overdue depends on the time of the
 * question, so it is not stored but derived by the queries.
 *
 * @param citation       where the rule is written (e.g. "PIPL Art. 57"), {@code null} if the event named no rule
 * @param dueAt          when it must be done, {@code null} for an obligation without a clock
 * @param missed         whether a {@code DeadlineMissed} was recorded for its current due time
 * @param waiverGround   the ground of the waiver that stands, while WAIVED ({@code null} for waivers without one)
 * @param determinations how often it was (re)determined
 * @param terms          its latest determination, as the ledger keeps it
 */
public record IncidentObligation(
        String obligationId,
        ObligationKind kind,
        String recipient,
        String citation,
        Instant dueAt,
        ObligationState state,
        boolean missed,
        String waiverGround,
        int determinations,
        @JsonIgnore NotificationObligationDetermined terms) {

    /** The row of an obligation as the ledger has it. */
    public static IncidentObligation of(ObligationStatus status) {
        NotificationObligationDetermined terms = status.terms();
        return new IncidentObligation(status.obligationId(), status.kind(), terms.recipient(),
                terms.rule() == null ? null : terms.rule().citation(), status.dueAt(), status.state(), status.missed(),
                status.waiverGround(), status.determinations(), terms);
    }

    public boolean isOpen() {
        return state == ObligationState.OPEN;
    }

    /** Overdue at {@code now}: still open, and its clock ran out (recorded, or due before {@code now}). */
    public boolean overdueAt(Instant now) {
        return isOpen() && (missed || dueAt != null && dueAt.isBefore(now));
    }
}
