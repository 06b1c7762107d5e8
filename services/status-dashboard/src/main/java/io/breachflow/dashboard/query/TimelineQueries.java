package io.breachflow.dashboard.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.breachflow.dashboard.projection.SqlValues;
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
 * Reads an incident's timeline in sequence order, as stored (texts sealed: {@link TimelineItem#of} opens them).
 * One statement that also tells "no such incident" (empty) from
 * "an incident without timeline rows yet" (an empty list): the LEFT JOIN keeps the view's row either way.
 */
@ApplicationScoped
public class TimelineQueries {

    private static final String TIMELINE = "SELECT t.sequence, t.type, t.occurred_at, t.actor, t.data::text AS data"
            + " FROM incident_view v LEFT JOIN incident_timeline t ON t.incident_id = v.incident_id"
            + " WHERE v.incident_id = ? ORDER BY t.sequence";

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    /** The timeline of the incident, oldest first; empty when the dashboard knows no such incident. */
    public Optional<List<TimelineRow>> timeline(String incidentId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(TIMELINE)) {
            statement.setString(1, incidentId);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                List<TimelineRow> items = new ArrayList<>();
                do {
                    if (rows.getString("type") != null) {
                        items.add(new TimelineRow(rows.getLong("sequence"), rows.getString("type"),
                                SqlValues.instant(rows, "occurred_at"), rows.getString("actor"),
                                parse(rows.getString("data"))));
                    }
                } while (rows.next());
                return Optional.of(items);
            }
        }
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("incident_timeline.data is not JSON", e); // jsonb always is
        }
    }
}
