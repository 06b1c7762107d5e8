package io.breachflow.dashboard.api;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.agroal.api.security.AgroalSecurityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens the {@link ChangeNoticeListener}'s connection to the dashboard's database as the default datasource's pool
 * would (its address, role, password and JDBC properties, read from Agroal's configuration), but outside the pool: it
 * stays open for the life of the instance (a pooled one would be a pool slot gone for good), and a connection that
 * LISTENs must be closed, not handed back to the pool still listening.
 * LISTEN and NOTIFY need no grant: any role that may connect to the database may use them.
 */
@ApplicationScoped
class ListeningConnection {

    @Inject
    AgroalDataSource dataSource;

    Connection open() throws SQLException {
        AgroalConnectionFactoryConfiguration factory = dataSource.getConfiguration().connectionPoolConfiguration()
                .connectionFactoryConfiguration();
        Properties properties = new Properties();
        properties.putAll(factory.jdbcProperties());
        addSecurity(properties, factory, factory.principal());
        for (Object credential : factory.credentials()) {
            addSecurity(properties, factory, credential);
        }
        properties.setProperty("ApplicationName", "status-dashboard change listener");
        properties.setProperty("connectTimeout", "5");
        Connection connection = new org.postgresql.Driver().connect(factory.jdbcUrl(), properties);
        if (connection == null) {
            throw new SQLException("the dashboard's datasource is not a PostgreSQL address");
        }
        return connection;
    }

    // As Agroal's own connection factory does: the first provider that knows the object turns it into properties.
    private static void addSecurity(Properties properties, AgroalConnectionFactoryConfiguration factory, Object secret) {
        if (secret == null) {
            return;
        }
        for (AgroalSecurityProvider provider : factory.securityProviders()) {
            Properties translated = provider.getSecurityProperties(secret);
            if (translated != null) {
                properties.putAll(translated);
                return;
            }
        }
    }
}
