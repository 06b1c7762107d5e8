package io.breachflow.dashboard.rebuild;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One rebuild at a time across every dashboard instance sharing the database (issue 15): a session-level PostgreSQL
 * advisory lock, held on a connection of its own for the whole rebuild. A rebuilding instance that dies loses its
 * connection and with it the lock, so a crash never leaves the rebuild "running" for the others.
 */
final class RebuildLock implements AutoCloseable {

    /** The advisory lock's key, unique within the dashboard's own database (issue 15, lock 2). */
    static final long KEY = 15_002;

    private final Connection session;

    private RebuildLock(Connection session) {
        this.session = session;
    }

    /** The lock, or empty when a rebuild holds it on this or another instance. */
    static Optional<RebuildLock> tryAcquire(AgroalDataSource dataSource) throws SQLException {
        Connection session = dataSource.getConnection();
        try {
            if (tryLock(session)) {
                return Optional.of(new RebuildLock(session));
            }
            session.close();
            return Optional.empty();
        } catch (SQLException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Whether the lock was free and is now held by {@code session}. */
    static boolean tryLock(Connection session) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** Releases the lock and hands the connection back (a broken one lost the lock with its session already). */
    @Override
    public void close() throws SQLException {
        try (session; PreparedStatement statement = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
        }
    }
}
