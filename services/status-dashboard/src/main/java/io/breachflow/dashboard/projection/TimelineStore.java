package io.breachflow.dashboard.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.service.json.ContractJson;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

import static io.breachflow.dashboard.projection.SqlValues.timestamp;

/**
 * Inserts {@code incident_timeline} rows inside the caller's transaction, after the views they refer to. Only
 * entries of events the sequence check let through are given, so {@code ON CONFLICT DO NOTHING} never hides a
 * difference; it is a second guard should a view and its timeline ever disagree.
 */
@ApplicationScoped
public class TimelineStore {

    private static final String INSERT = "INSERT INTO incident_timeline"
            + " (incident_id, sequence, type, occurred_at, actor, data) VALUES (?, ?, ?, ?, ?, ?::jsonb)"
            + " ON CONFLICT (incident_id, sequence) DO NOTHING";

    private final ObjectMapper json = ContractJson.newMapper();

    public void insert(Connection connection, Collection<TimelineEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (TimelineEntry entry : entries) {
                statement.setString(1, entry.incidentId());
                statement.setLong(2, entry.sequence());
                statement.setString(3, entry.type());
                statement.setObject(4, timestamp(entry.occurredAt()));
                statement.setString(5, entry.actor());
                statement.setString(6, data(entry));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private String data(TimelineEntry entry) {
        try {
            return json.writeValueAsString(entry.event());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event of " + entry.incidentId() + " cannot be written as JSON", e);
        }
    }
}
