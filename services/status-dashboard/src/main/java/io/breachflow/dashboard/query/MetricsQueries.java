package io.breachflow.dashboard.query;

import io.agroal.api.AgroalDataSource;
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

/**
 * Aggregates over the milestones stored with each view ({@code V3}), computed by PostgreSQL
 * ({@code percentile_cont}) so that no incident leaves the database. The lag is the consumer's, passed in.
 */
@ApplicationScoped
public class MetricsQueries {

    private static final String[] MILESTONES = {"triaged_at", "first_measure_at", "contained_at",
            "first_regulator_notified_at"};

    @Inject
    AgroalDataSource dataSource;

    public DashboardMetrics metrics(Double projectionLagSeconds) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // one snapshot for all the figures
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return read(connection, projectionLagSeconds);
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        }
    }

    private static DashboardMetrics read(Connection connection, Double lag) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT max(last_event_at) AS last_event_at,"
                + " count(*) FILTER (WHERE last_verdict = 'FALSE_POSITIVE')::float8"
                + " / nullif(count(last_verdict), 0) AS false_positive_rate");
        for (String milestone : MILESTONES) {
            String seconds = "extract(epoch FROM " + milestone + " - opened_at)";
            sql.append(", count(").append(milestone).append(") AS n_").append(milestone)
                    .append(", percentile_cont(0.5) WITHIN GROUP (ORDER BY ").append(seconds).append(") AS p50_").append(milestone)
                    .append(", percentile_cont(0.9) WITHIN GROUP (ORDER BY ").append(seconds).append(") AS p90_").append(milestone);
        }
        List<DurationStats> stats = new ArrayList<>();
        Double falsePositiveRate;
        java.time.Instant lastEventAt;
        try (PreparedStatement statement = connection.prepareStatement(sql + " FROM incident_view");
             ResultSet row = statement.executeQuery()) {
            row.next();
            for (String milestone : MILESTONES) {
                stats.add(new DurationStats(row.getLong("n_" + milestone), (Double) row.getObject("p50_" + milestone),
                        (Double) row.getObject("p90_" + milestone)));
            }
            falsePositiveRate = (Double) row.getObject("false_positive_rate");
            lastEventAt = SqlValues.instant(row, "last_event_at");
        }
        Map<String, Long> bySource = counts(connection, "coalesce(source_system, 'unknown')");
        Map<String, Long> byHarm = counts(connection, "harm");
        List<WeekCount> byWeek = new ArrayList<>();
        counts(connection, "to_char(opened_at AT TIME ZONE 'UTC', 'IYYY-\"W\"IW')")
                .forEach((week, count) -> byWeek.add(new WeekCount(week, count)));
        long stalled;
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM incident_projection_stall");
             ResultSet row = statement.executeQuery()) {
            row.next();
            stalled = row.getLong(1);
        }
        return new DashboardMetrics(stats.get(0), stats.get(1), stats.get(2), stats.get(3), falsePositiveRate,
                bySource, byHarm, byWeek, lag, lastEventAt, stalled);
    }

    private static Map<String, Long> counts(Connection connection, String key) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + key + " AS k, count(*) AS n FROM incident_view GROUP BY 1 ORDER BY 1");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString("k"), rows.getLong("n"));
            }
        }
        return counts;
    }
}
