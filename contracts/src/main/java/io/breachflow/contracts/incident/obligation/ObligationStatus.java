package io.breachflow.contracts.incident.obligation;

import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.ObligationKind;

import java.time.Instant;

/**
 * One obligation as the log says it stands, folded by {@link ObligationLedger}.
 *
 * @param terms          its latest determination: rule, kind, recipient, due time, content, waiver grounds
 * @param state          where it stands
 * @param missed         a {@code DeadlineMissed} was recorded for its current due time
 * @param waiverGround   the ground of the waiver that stands, while {@link ObligationState#WAIVED}
 * @param determinations how often it was (re)determined
 */
public record ObligationStatus(NotificationObligationDetermined terms, ObligationState state, boolean missed,
                               String waiverGround, int determinations) {

    public String obligationId() {
        return terms.obligationId();
    }

    public ObligationKind kind() {
        return terms.kind();
    }

    public Instant dueAt() {
        return terms.dueAt();
    }

    /** Whether it is still owed (not named {@code isOpen}, so that it is not a JSON property). */
    public boolean open() {
        return state == ObligationState.OPEN;
    }

    ObligationStatus in(ObligationState next, String ground) {
        return new ObligationStatus(terms, next, missed, ground, determinations);
    }

    ObligationStatus markedMissed() {
        return new ObligationStatus(terms, state, true, waiverGround, determinations);
    }
}
