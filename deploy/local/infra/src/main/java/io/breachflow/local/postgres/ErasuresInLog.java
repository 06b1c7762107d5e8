package io.breachflow.local.postgres;

import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.incident.PersonalDataErased;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Crypto-shredding after a restore: every incident whose restored log holds a {@code PersonalDataErased} must have no
 * live key from before its last erasure (docs/PERSONAL-DATA.md). In a consistent dump that already holds (the erasure
 * destroys the keys, the key shredder catches up from its token), so normally nothing is destroyed here; a key left
 * live (the dump was taken between an erasure's event and the destruction) is destroyed before any service reads it.
 * Keys created after the last erasure belong to texts written since and stay.
 *
 * <p>Erasures made after the backup are not in the restored log; they must be made again (README, "Backup and
 * restore").
 *
 * @param erasedIncidents incidents with at least one {@code PersonalDataErased} in the log
 * @param keysDestroyed   keys that were still live from before their incident's last erasure, destroyed now
 */
public record ErasuresInLog(long erasedIncidents, long keysDestroyed) {

    /** The stored names of the event: its CloudEvents type, and the class name of releases before stable names. */
    private static final String ERASED_TYPES = "payload_type IN ('" + CloudEventTypes.PERSONAL_DATA_ERASED + "', '"
            + PersonalDataErased.class.getName() + "')";

    private static final String LAST_ERASURE = """
            WITH erasure AS (SELECT aggregate_identifier AS incident_id, max(time_stamp::timestamptz) AS erased_at
                               FROM domain_event_entry WHERE %s GROUP BY aggregate_identifier)
            """.formatted(ERASED_TYPES);
    private static final String LIVE_FROM_BEFORE = "k.incident_id = e.incident_id AND k.secret IS NOT NULL AND k.created_at <= e.erased_at";

    private static final String DESTROY_KEYS_OLDER_THAN_ERASURE = LAST_ERASURE
            + "UPDATE incident_data_key k SET secret = NULL, destroyed_at = now() FROM erasure e WHERE " + LIVE_FROM_BEFORE;
    private static final String COUNT_KEYS_OLDER_THAN_ERASURE = LAST_ERASURE
            + "SELECT count(*) FROM incident_data_key k, erasure e WHERE " + LIVE_FROM_BEFORE;

    /** Destroys the keys an erasure in the log should have destroyed; answers what it found and did. */
    public static ErasuresInLog enforce(Connection connection) throws SQLException {
        long erased = ChainCheckpoint.count(connection,
                "SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE " + ERASED_TYPES);
        try (PreparedStatement s = connection.prepareStatement(DESTROY_KEYS_OLDER_THAN_ERASURE)) {
            return new ErasuresInLog(erased, s.executeUpdate());
        }
    }

    /** Live keys that an erasure in the log should have destroyed (0 after {@link #enforce}). */
    public static long keysLeft(Connection connection) throws SQLException {
        return ChainCheckpoint.count(connection, COUNT_KEYS_OLDER_THAN_ERASURE);
    }
}
