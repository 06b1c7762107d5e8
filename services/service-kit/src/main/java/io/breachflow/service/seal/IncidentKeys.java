package io.breachflow.service.seal;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The incidents' data keys, in a PostgreSQL table of their own ({@code incident_data_key}), outside the event store:
 * the workflow creates and destroys them, readers (the workflow's history and filings, the dashboard) read them. An
 * erasure sets the key to NULL and keeps the row, so a reader can tell an erased text from a key it cannot reach.
 *
 * <p>Keys are stored as they are; to keep them in a KMS or Vault instead, wrap each secret with the KMS's key
 * (envelope encryption) in {@link #current} and unwrap in {@link #ringsOf} — nothing else changes (docs/PERSONAL-DATA.md).
 */
public final class IncidentKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final DataSource dataSource;

    public IncidentKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Creates the tables unless they exist, for tests and tools. The workflow, which owns them, creates them in its
     * Flyway migration V4 (the same DDL): its run-time role may not create tables.
     */
    public void createTablesIfAbsent() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS incident_data_key (
                        incident_id  text        NOT NULL,
                        generation   integer     NOT NULL,
                        secret       bytea,
                        created_at   timestamptz NOT NULL,
                        destroyed_at timestamptz,
                        PRIMARY KEY (incident_id, generation),
                        CHECK ((secret IS NULL) = (destroyed_at IS NOT NULL)))""");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS deployment_secret (
                        name       text        PRIMARY KEY,
                        secret     bytea       NOT NULL,
                        created_at timestamptz NOT NULL)""");
        }
    }

    /** The key new text of the incident is sealed with: its live key, or a new generation after none or an erasure. */
    public IncidentKey current(String incidentId, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                int latest = 0;
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT generation, secret FROM incident_data_key WHERE incident_id = ? ORDER BY generation DESC LIMIT 1")) {
                    q.setString(1, incidentId);
                    try (ResultSet r = q.executeQuery()) {
                        if (r.next()) {
                            latest = r.getInt(1);
                            byte[] secret = r.getBytes(2);
                            if (secret != null) {
                                return new IncidentKey(incidentId, latest, secret);
                            }
                        }
                    }
                }
                byte[] secret = new byte[32];
                RANDOM.nextBytes(secret);
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO incident_data_key (incident_id, generation, secret, created_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""")) {
                    insert.setString(1, incidentId);
                    insert.setInt(2, latest + 1);
                    insert.setBytes(3, secret);
                    insert.setObject(4, java.sql.Timestamp.from(now));
                    if (insert.executeUpdate() == 1) {
                        return new IncidentKey(incidentId, latest + 1, secret);
                    }
                }
                // Another writer created this generation at the same moment: read theirs.
            }
            throw new SQLException("could not settle on a key for incident " + incidentId + " in 3 attempts");
        }
    }

    /** The key rings of the incidents (an incident without any key gets an empty ring). */
    public Map<String, KeyRing> ringsOf(Collection<String> incidentIds) throws SQLException {
        Map<String, Map<Integer, IncidentKey>> live = new HashMap<>();
        Map<String, Set<Integer>> destroyed = new HashMap<>();
        if (!incidentIds.isEmpty()) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement q = c.prepareStatement(
                         "SELECT incident_id, generation, secret FROM incident_data_key WHERE incident_id = ANY (?)")) {
                Array ids = c.createArrayOf("text", incidentIds.toArray());
                q.setArray(1, ids);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        String id = r.getString(1);
                        byte[] secret = r.getBytes(3);
                        if (secret == null) {
                            destroyed.computeIfAbsent(id, k -> new HashSet<>()).add(r.getInt(2));
                        } else {
                            live.computeIfAbsent(id, k -> new HashMap<>()).put(r.getInt(2), new IncidentKey(id, r.getInt(2), secret));
                        }
                    }
                }
            }
        }
        Map<String, KeyRing> rings = new HashMap<>();
        for (String id : incidentIds) {
            rings.put(id, new KeyRing(id, live.getOrDefault(id, Map.of()), destroyed.getOrDefault(id, Set.of())));
        }
        return rings;
    }

    public KeyRing ringOf(String incidentId) throws SQLException {
        return ringsOf(Set.of(incidentId)).get(incidentId);
    }

    /**
     * Destroys every live key of the incident: its sealed texts are unreadable from now on, everywhere. Returns how
     * many keys it destroyed (0 when an earlier call did: destroying is idempotent). PostgreSQL keeps the old row
     * version until VACUUM reclaims it, and WAL archives and backups taken before hold it until they expire: see
     * docs/PERSONAL-DATA.md for what an operator does about them.
     */
    public int destroy(String incidentId, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement u = c.prepareStatement(
                     "UPDATE incident_data_key SET secret = NULL, destroyed_at = ? WHERE incident_id = ? AND secret IS NOT NULL")) {
            u.setObject(1, java.sql.Timestamp.from(now));
            u.setString(2, incidentId);
            return u.executeUpdate();
        }
    }

    /** A deployment-wide secret if one was created (a reader with SELECT only asks this, never creates one). */
    public Optional<byte[]> findDeploymentSecret(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT secret FROM deployment_secret WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }

    /**
     * A deployment-wide secret of 32 bytes, created on first use and the same for every service that reads this
     * store (e.g. the key of the assignee tags that let the dashboard filter by a sealed assignee).
     */
    public byte[] deploymentSecret(String name) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO deployment_secret (name, secret, created_at) VALUES (?, ?, now()) ON CONFLICT DO NOTHING")) {
                insert.setString(1, name);
                insert.setBytes(2, fresh);
                insert.executeUpdate();
            }
            try (PreparedStatement q = c.prepareStatement("SELECT secret FROM deployment_secret WHERE name = ?")) {
                q.setString(1, name);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    return r.getBytes(1);
                }
            }
        }
    }
}
