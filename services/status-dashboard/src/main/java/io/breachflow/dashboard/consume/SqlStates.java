package io.breachflow.dashboard.consume;

import java.sql.SQLException;

/** What a {@link SQLException} says about retrying: a refusal of the data itself never gets better by waiting. */
final class SqlStates {

    private SqlStates() {
    }

    /** SQLState class 22 (data exception) or 23 (integrity constraint violation). */
    static boolean refusesData(SQLException e) {
        String state = of(e);
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    // A failed JDBC batch may carry the server's SQLState only on its chained "next" exception.
    static String of(SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            if (cause.getSQLState() != null) {
                return cause.getSQLState();
            }
        }
        return null;
    }
}
