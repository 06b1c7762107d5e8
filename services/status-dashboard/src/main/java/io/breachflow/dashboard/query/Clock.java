package io.breachflow.dashboard.query;

import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.obligation.ObligationState;

import java.time.Instant;

/** An obligation with a due time, across incidents, as of the query (overdue and seconds left by the database clock). */
public record Clock(String incidentId, String incidentTitle, String obligationId, ObligationKind kind, String recipient,
                    String citation, Instant dueAt, ObligationState state, boolean overdue, long secondsLeft) {
}
