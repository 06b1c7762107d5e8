package io.breachflow.local.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server reachable over TCP, and the databases Breachflow creates on it.
 *
 * @param host     host name or address
 * @param port     TCP port
 * @param user     a role allowed to create databases
 * @param password its password (empty under trust authentication)
 */
public record PostgresServer(String host, int port, String user, String password) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Whether the server answers and lets {@link #user()} in, within a few seconds; else why not. */
    public String whyUnreachable() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "5");
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), properties)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** Creates {@code database} unless it exists; answers whether it made it. */
    public boolean ensureDatabase(String database) throws SQLException {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (rows.next()) {
                    return false;
                }
            }
            statement.execute("CREATE DATABASE " + database);
            return true;
        }
    }

    /** Creates a database of its own for one test run: {@code <prefix>_<random>}; returns its name. */
    public String createFreshDatabase(String prefix) throws SQLException {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
        ensureDatabase(name);
        return name;
    }

    /** Drops a database, ending its open sessions first. */
    public void dropDatabase(String database) throws SQLException {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
