package io.breachflow.dashboard.query;

import io.breachflow.dashboard.projection.IncidentObligation;

/** An obligation with whether it is overdue at the time of the query (see {@link IncidentObligation#overdueAt}). */
public record ObligationStatus(IncidentObligation obligation, boolean overdue) {
}
