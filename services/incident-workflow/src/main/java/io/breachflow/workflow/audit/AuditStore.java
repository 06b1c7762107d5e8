package io.breachflow.workflow.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * Reads the stored event rows with their chain rows, in global-index order, a page at a time (keyset paging, so a
 * store of any size is walked in constant memory and no long transaction holds a snapshot).
 */
@Singleton
public class AuditStore {

    static final int PAGE = 1000;

    private final AgroalDataSource dataSource;

    AuditStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every event of the aggregate (null: of the whole store), oldest global index first. */
    public void read(String aggregateIdentifier, Consumer<StoredEvent> sink) {
        String sql = "SELECT e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type,"
                + " e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data, c.prev_hash, c.hash"
                + " FROM domain_event_entry e LEFT JOIN event_chain c ON c.global_index = e.global_index"
                + " WHERE e.global_index > ?" + (aggregateIdentifier == null ? "" : " AND e.aggregate_identifier = ?")
                + " ORDER BY e.global_index LIMIT ?";
        long after = Long.MIN_VALUE;
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            while (true) {
                int p = 1;
                q.setLong(p++, after);
                if (aggregateIdentifier != null) {
                    q.setString(p++, aggregateIdentifier);
                }
                q.setInt(p, PAGE);
                int rows = 0;
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        rows++;
                        StoredEvent e = new StoredEvent(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4),
                                r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getBytes(9),
                                r.getBytes(10), r.getBytes(11), r.getBytes(12));
                        after = e.globalIndex();
                        sink.accept(e);
                    }
                }
                if (rows < PAGE) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store for verification (SQL state "
                    + e.getSQLState() + ")", e);
        }
    }
}
