package io.breachflow.dashboard.testing;

import io.agroal.api.AgroalDataSource;
import io.breachflow.service.seal.IncidentKeys;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.SQLException;

/**
 * The key store of the tests: in the test's own fresh database (the {@code keys} datasource points there in the test
 * profile), with the tables the workflow creates in production, so that tests can seal texts and destroy keys.
 */
@Singleton
public class TestKeyStore {

    @Inject
    @DataSource("keys")
    AgroalDataSource dataSource;

    private IncidentKeys keys;

    void createTables(@Observes StartupEvent startup) throws SQLException {
        keys = new IncidentKeys(dataSource);
        keys.createTablesIfAbsent();
    }

    /** The key store as the workflow uses it: create keys, destroy them. */
    public IncidentKeys keys() {
        return keys;
    }
}
