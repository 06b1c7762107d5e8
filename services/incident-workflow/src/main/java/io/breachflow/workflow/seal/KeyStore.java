package io.breachflow.workflow.seal;

import io.agroal.api.AgroalDataSource;
import io.breachflow.service.seal.IncidentKeys;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.sql.SQLException;

/**
 * The incidents' data keys, in the workflow's own database (table {@code incident_data_key}, beside the event store
 * but not in it). The workflow owns the tables and creates them at start, before Axon starts (priority 10), so that
 * no command or event handler can run without them.
 */
@Singleton
public class KeyStore {

    private final IncidentKeys keys;

    KeyStore(AgroalDataSource dataSource) {
        this.keys = new IncidentKeys(dataSource);
    }

    @Produces
    @Singleton
    IncidentKeys incidentKeys() {
        return keys;
    }

    void createTables(@Observes @Priority(5) StartupEvent event) throws SQLException {
        keys.createTablesIfAbsent();
    }
}
