package io.breachflow.dashboard.projection;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes {@code incident_view} rows inside the caller's transaction: the caller owns the
 * {@link Connection} (auto-commit off) and commits, so that a batch of views and their {@code last_sequence}
 * become durable together or not at all.
 */
@ApplicationScoped
public class IncidentViewStore {

    // Locked in incident id order, so that two consumers that briefly overlap during a rebalance take
    // their row locks in the same order and cannot deadlock.
    private static final String LOCK = "SELECT " + IncidentViewRows.COLUMNS
            + " FROM incident_view WHERE incident_id = ANY(?) ORDER BY incident_id FOR UPDATE";

    private static final String UPSERT = "INSERT INTO incident_view (" + IncidentViewRows.COLUMNS + ", updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
            + " ON CONFLICT (incident_id) DO UPDATE SET status = EXCLUDED.status, harm = EXCLUDED.harm,"
            + " severity = EXCLUDED.severity, title = EXCLUDED.title, source_system = EXCLUDED.source_system,"
            + " correlation_key = EXCLUDED.correlation_key, opened_at = EXCLUDED.opened_at,"
            + " detections_count = EXCLUDED.detections_count, triage_verdict = EXCLUDED.triage_verdict,"
            + " triage_rationale = EXCLUDED.triage_rationale, triaged_by = EXCLUDED.triaged_by,"
            + " last_sequence = EXCLUDED.last_sequence, last_event_at = EXCLUDED.last_event_at, updated_at = now()";

    /** The existing views of {@code incidentIds}, locked until the transaction ends; absent ids have none. */
    public Map<String, IncidentView> lock(Connection connection, Collection<String> incidentIds) throws SQLException {
        Map<String, IncidentView> views = new HashMap<>();
        Array ids = connection.createArrayOf("text", incidentIds.toArray());
        try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    IncidentView view = IncidentViewRows.read(rows);
                    views.put(view.incidentId(), view);
                }
            }
        } finally {
            ids.free();
        }
        return views;
    }

    /** Inserts or replaces the views, in one JDBC batch. */
    public void upsert(Connection connection, Collection<IncidentView> views) throws SQLException {
        if (views.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            for (IncidentView view : views) {
                IncidentViewRows.bind(statement, view);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
