package io.breachflow.local.postgres;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The workflow's event store summed up the way {@code GET /api/audit/verify} sums it up (docs/AUDIT.md), read straight
 * from the database, so that a backup and its restore can be compared without a running workflow.
 *
 * @param events          rows of {@code domain_event_entry}
 * @param chains          distinct aggregates (an incident, or another aggregate of the workflow), each a chain of its own
 *                        (the workflow's {@code chainsChecked})
 * @param upToGlobalIndex the highest global index, null for an empty store
 * @param storeDigest     SHA-256 over the stored chain hashes in global-index order (the workflow's {@code storeDigest})
 * @param failures        events whose chain row is missing, whose stored columns no longer give their stored hash, or
 *                        whose {@code prev_hash} is not the hash of the event before them
 * @param firstFailure    the global index of the first of them, null if none
 * @param orphanChainRows chain rows without their event (an event removed behind the trigger)
 */
public record ChainCheckpoint(long events, long chains, Long upToGlobalIndex, String storeDigest, long failures,
                              Long firstFailure, long orphanChainRows) {

    private static final String ZERO_HASH = "'\\x" + "00".repeat(32) + "'::bytea";

    /**
     * The same checks as the workflow's verifier, in SQL with the store's own {@code event_chain_hash} (migration V5):
     * content, link and presence of each event's chain row.
     */
    private static final String CHAIN = """
            SELECT e.global_index, c.hash,
                   c.hash IS NULL
                   OR c.hash IS DISTINCT FROM event_chain_hash(c.prev_hash, e)
                   OR c.prev_hash IS DISTINCT FROM (CASE WHEN e.sequence_number = 0 THEN %s ELSE p.hash END) AS failed
              FROM domain_event_entry e
              LEFT JOIN event_chain c ON c.global_index = e.global_index
              LEFT JOIN event_chain p ON p.aggregate_identifier = e.aggregate_identifier
                                     AND p.sequence_number = e.sequence_number - 1
             ORDER BY e.global_index""".formatted(ZERO_HASH);

    /** Reads and checks the whole store through {@code connection} (in its current transaction, if one is open). */
    public static ChainCheckpoint of(Connection connection) throws SQLException {
        MessageDigest digest = sha256();
        long events = 0;
        long failures = 0;
        Long first = null;
        Long last = null;
        boolean autoCommit = connection.getAutoCommit();
        // Outside autocommit the driver streams the rows (fetch size) instead of loading the whole store.
        connection.setAutoCommit(false);
        try (PreparedStatement s = connection.prepareStatement(CHAIN)) {
            s.setFetchSize(1000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events++;
                    last = r.getLong(1);
                    byte[] hash = r.getBytes(2);
                    if (hash != null) {
                        digest.update(hash);
                    }
                    if (r.getBoolean(3)) {
                        failures++;
                        first = first == null ? last : first;
                    }
                }
            }
            long chains = count(connection, "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry");
            long orphans = count(connection, "SELECT count(*) FROM event_chain c"
                    + " WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e WHERE e.global_index = c.global_index)");
            return new ChainCheckpoint(events, chains, last, HexFormat.of().formatHex(digest.digest()), failures, first, orphans);
        } finally {
            if (autoCommit) {
                connection.commit();
                connection.setAutoCommit(true);
            }
        }
    }

    /** Whether every event has a valid chain row and every chain row its event. */
    public boolean valid() {
        return failures == 0 && orphanChainRows == 0;
    }

    @Override
    public String toString() {
        return "events " + events + " in " + chains + " chains, upToGlobalIndex " + upToGlobalIndex
                + ", storeDigest " + storeDigest + ", chain " + (valid() ? "valid" : "INVALID: " + failures
                + " events fail (first at global index " + firstFailure + "), " + orphanChainRows + " chain rows without event");
    }

    static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
