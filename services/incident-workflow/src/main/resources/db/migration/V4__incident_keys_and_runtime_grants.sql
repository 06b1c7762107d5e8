-- The incidents' data keys (service-kit IncidentKeys), created here since the service's run-time role may not create
-- tables. IF NOT EXISTS: before this migration the service created them at start.
CREATE TABLE IF NOT EXISTS incident_data_key (
    incident_id  text        NOT NULL,
    generation   integer     NOT NULL,
    secret       bytea,
    created_at   timestamptz NOT NULL,
    destroyed_at timestamptz,
    PRIMARY KEY (incident_id, generation),
    CHECK ((secret IS NULL) = (destroyed_at IS NOT NULL))
);

CREATE TABLE IF NOT EXISTS deployment_secret (
    name       text        PRIMARY KEY,
    secret     bytea       NOT NULL,
    created_at timestamptz NOT NULL
);

-- Least privilege (README, "Operations → database roles"). Flyway migrates as the owner of these tables
-- (quarkus.flyway.username); the service runs as ${runtime_role}, which owns nothing and may not create anything, so it
-- can neither drop the append-only trigger nor the tables. Placeholders: breachflow.db.runtime-role and
-- breachflow.db.key-reader-role; both default to CURRENT_USER (one role for everything, e.g. in the tests).
-- The event log: read and append, nothing else (no UPDATE, DELETE, TRUNCATE; the trigger refuses them even to the owner).
GRANT SELECT, INSERT ON domain_event_entry TO ${runtime_role};
GRANT USAGE, SELECT ON SEQUENCE domain_event_entry_global_index_seq TO ${runtime_role};
-- Axon's snapshots and tracking tokens, db-scheduler's deadlines, the retention ledger, the keys (an erasure sets a key
-- to NULL): kept up to date in place.
GRANT SELECT, INSERT, UPDATE, DELETE ON snapshot_event_entry, token_entry, scheduled_tasks, responder_text_retention,
    incident_data_key, deployment_secret TO ${runtime_role};
-- Tables of later migrations: the same rights by default. A later append-only table must REVOKE UPDATE, DELETE.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${runtime_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${runtime_role};
-- status-dashboard reads the keys (its datasource "keys"), and nothing else here.
GRANT SELECT ON incident_data_key, deployment_secret TO ${key_reader_role};
