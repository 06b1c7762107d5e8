package io.breachflow.local.keycloak;

import io.breachflow.local.postgres.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Keycloak's own database on the stack's PostgreSQL: {@code <prefix>_keycloak}, owned by a role of the same name that
 * can do nothing else (no superuser, no CREATEDB, no CONNECT to the services' databases, which take CONNECT from PUBLIC).
 * Keycloak creates and migrates its tables itself at start.
 */
public final class KeycloakDatabase {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String name;

    public KeycloakDatabase(String prefix) {
        this.name = prefix + "_keycloak";
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain PostgreSQL name: " + name);
        }
    }

    /** The database's and its role's name. */
    public String name() {
        return name;
    }

    /** Creates the role (or resets its password) and the database; idempotent. The password is hex (PrivateFiles). */
    public void setUp(PostgresServer superuser, String password) throws SQLException {
        if (!password.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("the database password must be hex");
        }
        try (Connection connection = DriverManager.getConnection(superuser.jdbcUrl("postgres"), superuser.user(), superuser.password());
             Statement s = connection.createStatement()) {
            boolean roleExists = exists(s, "SELECT 1 FROM pg_roles WHERE rolname = '" + name + "'");
            s.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + name
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + password + "'");
            if (!exists(s, "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                s.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
            s.execute("REVOKE CONNECT ON DATABASE " + name + " FROM PUBLIC");
        }
    }

    /** Drops the database (ending Keycloak's sessions) and the role; harmless when they do not exist. */
    public void drop(PostgresServer superuser) throws SQLException {
        try (Connection connection = DriverManager.getConnection(superuser.jdbcUrl("postgres"), superuser.user(), superuser.password());
             Statement s = connection.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("DROP ROLE IF EXISTS " + name);
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }
}
