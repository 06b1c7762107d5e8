package io.breachflow.dashboard.rebuild;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs a rebuild step in one transaction: committed when it returns, rolled back when it throws. */
final class Transactions {

    interface Work {
        void run(Connection connection) throws SQLException;
    }

    interface Check {
        long count(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    static void run(AgroalDataSource dataSource, Work work) throws SQLException {
        run(dataSource, work, connection -> 0);
    }

    /** The check runs in the same transaction, after the work: it sees exactly what the work made. */
    static long run(AgroalDataSource dataSource, Work work, Check check) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                long result = check.count(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
