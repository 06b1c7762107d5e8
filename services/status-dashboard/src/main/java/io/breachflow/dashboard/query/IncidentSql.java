package io.breachflow.dashboard.query;

import io.breachflow.dashboard.projection.IncidentObligationRows;
import io.breachflow.dashboard.projection.IncidentViewRows;

/**
 * The SQL of the queries. Next deadline and overdue are derived here, with the database's {@code now()}, rather than
 * stored: they change with time alone, without any event. All of it is served by the partial index on open
 * obligations ({@code incident_obligation_open_idx}).
 */
final class IncidentSql {

    /** Over an obligation aliased {@code o}: open, and its clock ran out (recorded as missed, or due before now). */
    static final String OVERDUE = "o.state = 'OPEN' AND (o.missed OR o.due_at < now())";

    /** An incident view {@code v} with its next deadline and overdue count; append WHERE, ORDER BY, LIMIT. */
    static final String SUMMARY_COLUMNS = IncidentViewRows.columns("v")
            + ", nd.obligation_id AS next_obligation_id, nd.due_at AS next_due_at, nd.recipient AS next_recipient,"
            + " (SELECT count(*) FROM incident_obligation o WHERE o.incident_id = v.incident_id AND " + OVERDUE
            + ") AS overdue, st.stalled_at AS stalled_at, st.reason AS stalled_reason";

    static final String SUMMARY_FROM = " FROM incident_view v LEFT JOIN LATERAL (SELECT o.obligation_id, o.due_at, o.recipient"
            + " FROM incident_obligation o WHERE o.incident_id = v.incident_id AND o.state = 'OPEN'"
            + " AND o.due_at IS NOT NULL ORDER BY o.due_at, o.obligation_id LIMIT 1) nd ON true"
            + " LEFT JOIN incident_projection_stall st ON st.incident_id = v.incident_id";

    static final String SUMMARIES = "SELECT " + SUMMARY_COLUMNS + SUMMARY_FROM;

    static final String HAS_OVERDUE = "EXISTS (SELECT 1 FROM incident_obligation o WHERE o.incident_id = v.incident_id"
            + " AND " + OVERDUE + ")";

    static final String OBLIGATIONS = "SELECT " + IncidentObligationRows.COLUMNS + ", (" + OVERDUE
            + ") AS overdue FROM incident_obligation o WHERE o.incident_id = ? ORDER BY " + IncidentObligationRows.ORDER;

    private IncidentSql() {
    }
}
