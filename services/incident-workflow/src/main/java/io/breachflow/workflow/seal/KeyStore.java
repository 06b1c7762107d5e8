package io.breachflow.workflow.seal;

import io.agroal.api.AgroalDataSource;
import io.breachflow.service.seal.IncidentKeys;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The incidents' data keys, in the workflow's own database (table {@code incident_data_key}, beside the event store
 * but not in it). The workflow owns the tables: its Flyway migration V4 creates them (the run-time database role may
 * not create tables, README "Operations → database roles"), before anything else starts.
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
}
