package io.breachflow.dashboard.query;

import io.agroal.api.AgroalDataSource;
import io.breachflow.dashboard.projection.IncidentStatus;
import io.breachflow.dashboard.projection.IncidentView;
import io.breachflow.dashboard.projection.IncidentViewRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only queries of {@code incident_view} for the REST API, on auto-commit connections of the default
 * datasource. Each query is a single statement, so it sees one consistent snapshot of the views.
 */
@ApplicationScoped
public class IncidentQueries {

    private static final String BY_ID = "SELECT " + IncidentViewRows.COLUMNS + " FROM incident_view WHERE incident_id = ?";
    private static final String NEWEST = "SELECT " + IncidentViewRows.COLUMNS
            + " FROM incident_view ORDER BY opened_at DESC, incident_id LIMIT ?";
    private static final String NEWEST_WITH_STATUS = "SELECT " + IncidentViewRows.COLUMNS
            + " FROM incident_view WHERE status = ? ORDER BY opened_at DESC, incident_id LIMIT ?";

    @Inject
    AgroalDataSource dataSource;

    public Optional<IncidentView> find(String incidentId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(BY_ID)) {
            statement.setString(1, incidentId);
            List<IncidentView> views = read(statement);
            return views.stream().findFirst();
        }
    }

    /** Up to {@code limit} incidents, newest opening first; only those in {@code status} unless it is empty. */
    public List<IncidentView> newestFirst(Optional<IncidentStatus> status, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(status.isPresent() ? NEWEST_WITH_STATUS : NEWEST)) {
            int parameter = 1;
            if (status.isPresent()) {
                statement.setString(parameter++, status.get().name());
            }
            statement.setInt(parameter, limit);
            return read(statement);
        }
    }

    private static List<IncidentView> read(PreparedStatement statement) throws SQLException {
        List<IncidentView> views = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                views.add(IncidentViewRows.read(rows));
            }
        }
        return views;
    }
}
