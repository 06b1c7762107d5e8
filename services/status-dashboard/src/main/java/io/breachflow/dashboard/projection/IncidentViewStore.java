package io.breachflow.dashboard.projection;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and writes {@code incident_view} rows and their {@code incident_obligation} rows inside the caller's
 * transaction: the caller owns the {@link Connection} (auto-commit off) and commits, so that a batch of views, their
 * obligations and their {@code last_sequence} become durable together or not at all. The obligation rows are only
 * written by whoever holds the lock on their incident's row, so that lock guards them too.
 */
@ApplicationScoped
public class IncidentViewStore {

    // Locked in incident id order, so that two consumers that briefly overlap during a rebalance take
    // their row locks in the same order and cannot deadlock.
    private static final String LOCK = "SELECT " + IncidentViewRows.COLUMNS
            + " FROM incident_view WHERE incident_id = ANY(?) ORDER BY incident_id FOR UPDATE";

    private static final String OBLIGATIONS = "SELECT incident_id, " + IncidentObligationRows.COLUMNS
            + " FROM incident_obligation WHERE incident_id = ANY(?) ORDER BY incident_id, " + IncidentObligationRows.ORDER;

    private static final String UPSERT = "INSERT INTO incident_view (" + IncidentViewRows.COLUMNS + ", updated_at)"
            + " VALUES (" + IncidentViewRows.WRITTEN.stream().map(IncidentViewRows::placeholder)
                    .collect(Collectors.joining(", ")) + ", now())"
            + " ON CONFLICT (incident_id) DO UPDATE SET "
            + IncidentViewRows.WRITTEN.stream().skip(1).map(column -> column + " = EXCLUDED." + column)
                    .collect(Collectors.joining(", "))
            + ", updated_at = now()";

    // Obligations are never removed from a view (a withdrawn one keeps its row), so an upsert is all it takes.
    private static final String UPSERT_OBLIGATION = "INSERT INTO incident_obligation (incident_id, "
            + IncidentObligationRows.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
            + " ON CONFLICT (incident_id, obligation_id) DO UPDATE SET kind = EXCLUDED.kind,"
            + " recipient = EXCLUDED.recipient, rule_citation = EXCLUDED.rule_citation, due_at = EXCLUDED.due_at,"
            + " state = EXCLUDED.state, missed = EXCLUDED.missed, waiver_ground = EXCLUDED.waiver_ground,"
            + " determinations = EXCLUDED.determinations, terms = EXCLUDED.terms";

    /** The existing views of {@code incidentIds} with their obligations, locked until the transaction ends. */
    public Map<String, IncidentView> lock(Connection connection, Collection<String> incidentIds) throws SQLException {
        Map<String, IncidentView> views = new HashMap<>();
        Array ids = connection.createArrayOf("text", incidentIds.toArray());
        try {
            try (PreparedStatement statement = connection.prepareStatement(LOCK)) {
                statement.setArray(1, ids);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        IncidentView view = IncidentViewRows.read(rows);
                        views.put(view.incidentId(), view);
                    }
                }
            }
            Map<String, Map<String, IncidentObligation>> obligations = obligations(connection, ids);
            obligations.forEach((incidentId, loaded) -> views.computeIfPresent(incidentId,
                    (id, view) -> view.withObligations(loaded)));
        } finally {
            ids.free();
        }
        return views;
    }

    /**
     * Inserts or replaces the views, then writes the obligations that differ from {@code before} (the views as
     * {@link #lock} returned them), each kind of row in one JDBC batch. Views first: obligations refer to them.
     */
    public void upsert(Connection connection, Collection<IncidentView> views, Map<String, IncidentView> before)
            throws SQLException {
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
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_OBLIGATION)) {
            int changed = 0;
            for (IncidentView view : views) {
                IncidentView earlier = before.get(view.incidentId());
                Map<String, IncidentObligation> stored = earlier == null ? Map.of() : earlier.obligations();
                for (IncidentObligation obligation : view.obligations().values()) {
                    if (!obligation.equals(stored.get(obligation.obligationId()))) {
                        IncidentObligationRows.bind(statement, view.incidentId(), obligation);
                        statement.addBatch();
                        changed++;
                    }
                }
            }
            if (changed > 0) {
                statement.executeBatch();
            }
        }
    }

    private static Map<String, Map<String, IncidentObligation>> obligations(Connection connection, Array ids)
            throws SQLException {
        Map<String, Map<String, IncidentObligation>> byIncident = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(OBLIGATIONS)) {
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    IncidentObligation obligation = IncidentObligationRows.read(rows);
                    byIncident.computeIfAbsent(rows.getString("incident_id"), id -> new LinkedHashMap<>())
                            .put(obligation.obligationId(), obligation);
                }
            }
        }
        return byIncident;
    }
}
