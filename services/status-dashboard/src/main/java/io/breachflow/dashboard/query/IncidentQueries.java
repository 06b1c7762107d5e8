package io.breachflow.dashboard.query;

import io.agroal.api.AgroalDataSource;
import io.breachflow.dashboard.projection.IncidentObligation;
import io.breachflow.dashboard.projection.IncidentObligationRows;
import io.breachflow.dashboard.projection.IncidentViewRows;
import io.breachflow.dashboard.projection.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only queries of one incident ({@code incident_view} and {@code incident_obligation}) for the REST API; the
 * list is {@link IncidentListQuery}, on connections of the
 * default datasource. A list is a single statement, so it sees one consistent snapshot; the two statements of
 * {@link #find} share one repeatable-read transaction, so the incident and its obligations agree, and so does
 * {@code now()} (the transaction's start), which decides what is overdue.
 */
@ApplicationScoped
public class IncidentQueries {

    @Inject
    AgroalDataSource dataSource;

    public Optional<IncidentDetail> find(String incidentId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false); // Agroal restores auto-commit when the connection returns to the pool
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return find(connection, incidentId);
            } finally {
                connection.rollback(); // it only read: ending the snapshot is all there is to do
                connection.setTransactionIsolation(isolation);
            }
        }
    }

    private static Optional<IncidentDetail> find(Connection connection, String incidentId) throws SQLException {
        List<IncidentSummary> found;
        try (PreparedStatement statement = connection.prepareStatement(IncidentSql.SUMMARIES + " WHERE v.incident_id = ?")) {
            statement.setString(1, incidentId);
            found = summaries(statement);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<ObligationStatus> obligations = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(IncidentSql.OBLIGATIONS)) {
            statement.setString(1, incidentId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    obligations.add(new ObligationStatus(IncidentObligationRows.read(rows), rows.getBoolean("overdue")));
                }
            }
        }
        Map<String, IncidentObligation> byId = new LinkedHashMap<>();
        obligations.forEach(status -> byId.put(status.obligation().obligationId(), status.obligation()));
        IncidentSummary summary = found.get(0);
        return Optional.of(new IncidentDetail(new IncidentSummary(summary.view().withObligations(byId),
                summary.nextDeadline(), summary.overdue(), summary.stall()), obligations));
    }

    static List<IncidentSummary> summaries(PreparedStatement statement) throws SQLException {
        List<IncidentSummary> summaries = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                summaries.add(summary(rows));
            }
        }
        return summaries;
    }

    static IncidentSummary summary(ResultSet rows) throws SQLException {
        String next = rows.getString("next_obligation_id");
        NextDeadline nextDeadline = next == null ? null
                : new NextDeadline(next, SqlValues.instant(rows, "next_due_at"), rows.getString("next_recipient"));
        java.time.Instant stalledAt = SqlValues.instant(rows, "stalled_at");
        IncidentSummary.Stall stall = stalledAt == null ? null
                : new IncidentSummary.Stall(stalledAt, rows.getString("stalled_reason"));
        return new IncidentSummary(IncidentViewRows.read(rows), nextDeadline, rows.getInt("overdue"), stall);
    }
}
