package io.breachflow.dashboard.consume;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * Lets a rebuild switch the read-model tables while no live batch runs, on ANY dashboard instance sharing the
 * database (issue 15): a PostgreSQL advisory lock that every live batch takes in shared mode inside its transaction
 * ({@link #holdDuringBatch}), and the rebuild's switch exclusively for the switch ({@link #whilePaused}).
 * <p>
 * Why an advisory lock and not a switch row in a table: the lock is exactly the read/write lock this was inside one
 * JVM, and the database already keeps it for every instance. A batch's shared lock ends with its transaction, so it
 * can never be left behind; the switch's lock is held by a session, so a rebuilding instance that dies releases it
 * with its connection, and its switch, one transaction, either committed or left the old read models serving. A row
 * would need every batch to read it and wait on it by polling, and a crash would leave it set until someone cleared
 * it. PostgreSQL queues a waiting exclusive request ahead of later shared ones, so back-to-back batches of several
 * instances do not starve a waiting switch.
 * <p>
 * A batch that waited carries on into whatever {@code public} holds when it gets the lock: its statements name the
 * tables unqualified, and PostgreSQL re-plans a prepared statement whose tables moved, so every instance projects into
 * the rebuilt tables without a restart.
 */
@ApplicationScoped
public class LivePause {

    /** The advisory lock's key, unique within the dashboard's own database (issue 15, lock 1). */
    public static final long SWITCH_LOCK = 15_001;

    @Inject
    AgroalDataSource dataSource;

    /** Waits while a switch runs, then keeps the next one waiting until this batch's transaction ends. */
    void holdDuringBatch(Connection connection) throws SQLException {
        lock(connection, "SELECT pg_advisory_xact_lock_shared(?)");
    }

    /** Runs {@code work} while no live batch of any instance runs, and none starts until it ends. */
    public <T> T whilePaused(Callable<T> work) throws Exception {
        try (Connection session = dataSource.getConnection()) {
            lock(session, "SELECT pg_advisory_lock(?)");
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                // A broken connection has lost the lock with its session already; the pool then discards it.
                try {
                    lock(session, "SELECT pg_advisory_unlock(?)");
                } catch (SQLException unlockFailure) {
                    e.addSuppressed(unlockFailure);
                }
                throw e;
            }
            lock(session, "SELECT pg_advisory_unlock(?)");
            return result;
        }
    }

    private static void lock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, SWITCH_LOCK);
            statement.execute();
        }
    }
}
