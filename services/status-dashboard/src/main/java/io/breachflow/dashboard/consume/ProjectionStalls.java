package io.breachflow.dashboard.consume;

import io.breachflow.dashboard.projection.SqlValues;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code incident_projection_stall} inside the projection's transaction (issue 11): which incidents stopped at a
 * record the dashboard cannot project, and from which offset of their partition their records are parked.
 */
final class ProjectionStalls {

    /** A stalled incident: its records after {@code offset} (in its partition) are parked, not applied. */
    record Stall(String incidentId, Instant since, String reason, int partition, long offset) {

        boolean covers(DecodedEvent event) {
            return event.record().partition() != partition || event.record().offset() > offset;
        }
    }

    private ProjectionStalls() {
    }

    static Map<String, Stall> find(Connection connection, Collection<String> incidentIds) throws SQLException {
        Map<String, Stall> stalls = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return stalls;
        }
        Array ids = connection.createArrayOf("text", incidentIds.toArray());
        try (PreparedStatement statement = connection.prepareStatement("SELECT incident_id, stalled_at, reason,"
                + " record_partition, record_offset FROM incident_projection_stall WHERE incident_id = ANY(?)")) {
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stalls.put(rows.getString(1), new Stall(rows.getString(1), SqlValues.instant(rows, "stalled_at"),
                            rows.getString(3), rows.getInt(4), rows.getLong(5)));
                }
            }
        } finally {
            ids.free();
        }
        return stalls;
    }

    /** Records new stalls (a redelivered batch finds them there already) and adds the parked counts. */
    static void write(Connection connection, Collection<Stall> added, Map<String, Integer> parked) throws SQLException {
        if (!added.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO incident_projection_stall"
                    + " (incident_id, stalled_at, reason, record_partition, record_offset) VALUES (?, now(), ?, ?, ?)"
                    + " ON CONFLICT (incident_id) DO NOTHING")) {
                for (Stall stall : added) {
                    statement.setString(1, stall.incidentId());
                    statement.setString(2, stall.reason());
                    statement.setInt(3, stall.partition());
                    statement.setLong(4, stall.offset());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        if (!parked.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE incident_projection_stall SET parked = parked + ? WHERE incident_id = ?")) {
                for (Map.Entry<String, Integer> count : parked.entrySet()) {
                    statement.setLong(1, count.getValue());
                    statement.setString(2, count.getKey());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    static long count(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM incident_projection_stall");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
