package io.breachflow.dashboard.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * Opens the {@link ChangeNoticeListener}'s connection to the dashboard's database, with the default datasource's
 * address and role, outside the pool: it stays open for the life of the instance (a pooled one would be a pool slot
 * gone for good), and a connection that LISTENs must be closed, not handed back to the pool still listening.
 * LISTEN and NOTIFY need no grant: any role that may connect to the database may use them.
 */
@ApplicationScoped
class ListeningConnection {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    Connection open() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("ApplicationName", "status-dashboard change listener");
        properties.setProperty("connectTimeout", "5");
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL address: " + url);
        }
        return connection;
    }
}
