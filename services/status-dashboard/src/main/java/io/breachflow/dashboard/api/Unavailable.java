package io.breachflow.dashboard.api;

import io.breachflow.service.problem.ProblemException;

import java.sql.SQLException;

/** The one way the read endpoints fail: the database does not answer. A 503 tells clients to come back. */
final class Unavailable {

    private Unavailable() {
    }

    /** SQLState class 22, "data exception": a value the statement was given does not cast (not the database's fault). */
    static boolean isDataException(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("22");
    }

    static ProblemException of(SQLException e) {
        return ProblemException.unavailable("the read models cannot be read just now (" + e.getSQLState() + ")");
    }
}
