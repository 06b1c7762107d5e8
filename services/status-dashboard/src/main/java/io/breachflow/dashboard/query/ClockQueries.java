package io.breachflow.dashboard.query;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.obligation.ObligationState;
import io.breachflow.dashboard.projection.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The legal clocks across incidents, earliest due first, from {@code incident_obligation}: open ones come from the
 * partial index on open due times ({@code incident_obligation_due_idx}). Overdue as in the incident list.
 */
@ApplicationScoped
public class ClockQueries {

    /** Which clocks: open (running or run out), overdue (open and run out), all (settled ones too). */
    public enum Which { OPEN, OVERDUE, ALL }

    private static final String SELECT = "SELECT o.incident_id, v.title, o.obligation_id, o.kind, o.recipient,"
            + " o.rule_citation, o.due_at, o.state, (" + IncidentSql.OVERDUE + ") AS overdue,"
            + " floor(extract(epoch FROM o.due_at - now()))::bigint AS seconds_left"
            + " FROM incident_obligation o JOIN incident_view v ON v.incident_id = o.incident_id"
            + " WHERE o.due_at IS NOT NULL";

    private static final String ORDER = " ORDER BY o.due_at, o.incident_id, o.obligation_id LIMIT ?";

    @Inject
    AgroalDataSource dataSource;

    public List<Clock> clocks(Which which, int limit) throws SQLException {
        String condition = switch (which) {
            case OPEN -> " AND o.state = 'OPEN'";
            case OVERDUE -> " AND o.state = 'OPEN' AND (" + IncidentSql.OVERDUE + ")";
            case ALL -> "";
        };
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SELECT + condition + ORDER)) {
            statement.setInt(1, limit);
            List<Clock> clocks = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    clocks.add(new Clock(rows.getString("incident_id"), rows.getString("title"),
                            rows.getString("obligation_id"), ObligationKind.valueOf(rows.getString("kind")),
                            rows.getString("recipient"), rows.getString("rule_citation"),
                            SqlValues.instant(rows, "due_at"), ObligationState.valueOf(rows.getString("state")),
                            rows.getBoolean("overdue"), rows.getLong("seconds_left")));
                }
            }
            return clocks;
        }
    }
}
