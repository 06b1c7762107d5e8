package io.breachflow.local.postgres;

import io.breachflow.local.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The databases the way the launcher sets them up (DatabaseRolesMain setup, then each service's Flyway migrations as
 * its migration role, with the launcher's placeholders): the services' run-time roles cannot change or drop the event
 * log, nor reach what is not theirs.
 */
class DatabaseRolesTest {

    @TempDir
    static Path runDir;
    static PostgresServer postgres;
    static DatabaseRoles roles;
    static String workflowDb;
    static String dashboardDb;
    static Map<String, String> passwords;

    @BeforeAll
    static void setUp() throws Exception {
        postgres = Infrastructure.postgres();
        String prefix = "bf_roles_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        workflowDb = prefix + "_workflow";
        dashboardDb = prefix + "_dashboard";
        postgres.ensureDatabase(workflowDb);
        postgres.ensureDatabase(dashboardDb);
        roles = new DatabaseRoles(prefix);
        // An older launcher's table, made by the superuser: handed over to the owner.
        try (Connection c = superuser(workflowDb); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE legacy (id int)");
        }
        passwords = roles.setUp(postgres, workflowDb, dashboardDb, runDir.resolve("postgres/passwords.properties"));
        assertThat(roles.setUp(postgres, workflowDb, dashboardDb, runDir.resolve("postgres/passwords.properties")))
                .isEqualTo(passwords); // idempotent, same passwords
        roles.writeEnvironments(runDir.resolve("postgres"), passwords);

        WorkflowMigrations.migrate(as(roles.workflowOwner(), workflowDb), WorkflowMigrations.WORKFLOW,
                Map.of("runtime_role", roles.workflowApp(), "key_reader_role", roles.dashboardApp()));
        WorkflowMigrations.migrate(as(roles.dashboardApp(), dashboardDb), WorkflowMigrations.DASHBOARD, Map.of());
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (roles != null) {
            postgres.dropDatabase(workflowDb);
            postgres.dropDatabase(dashboardDb);
            assertThat(roles.drop(postgres)).isEmpty();
        }
    }

    private static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }

    private static Connection as(String role, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), role, passwords.get(role));
    }

    private static void refused(String role, String database, String sql) {
        assertThatThrownBy(() -> {
            try (Connection c = as(role, database); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }).as(role + ": " + sql).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(e.getMessage()).isEqualTo("42501"));
    }

    private static void allowed(String role, String database, String sql) throws SQLException {
        try (Connection c = as(role, database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static final String EVENT = "INSERT INTO domain_event_entry (event_identifier, payload, payload_type, time_stamp,"
            + " aggregate_identifier, sequence_number, type) VALUES ('%s', '\\x00', 'T', 'now', 'incident-1', %d, 'Incident')";

    @Test
    void theWorkflowsRuntimeRoleAppendsButCannotChangeOrDropTheEventLog() throws Exception {
        String app = roles.workflowApp();
        allowed(app, workflowDb, EVENT.formatted(UUID.randomUUID(), 0));
        allowed(app, workflowDb, "SELECT count(*) FROM domain_event_entry");
        refused(app, workflowDb, "UPDATE domain_event_entry SET payload_type = 'X'");
        refused(app, workflowDb, "DELETE FROM domain_event_entry");
        refused(app, workflowDb, "TRUNCATE domain_event_entry");
        refused(app, workflowDb, "DROP TABLE domain_event_entry");
        refused(app, workflowDb, "DROP TRIGGER domain_event_entry_append_only ON domain_event_entry");
        refused(app, workflowDb, "ALTER TABLE domain_event_entry DISABLE TRIGGER ALL");
        refused(app, workflowDb, "CREATE TABLE mine (id int)");
        // What Axon, db-scheduler and the key store need.
        allowed(app, workflowDb, "INSERT INTO token_entry (processor_name, segment) VALUES ('p', 0)");
        allowed(app, workflowDb, "UPDATE token_entry SET owner = 'me' WHERE processor_name = 'p'");
        allowed(app, workflowDb, "DELETE FROM scheduled_tasks");
        allowed(app, workflowDb, "INSERT INTO incident_data_key VALUES ('i', 1, '\\x01', now(), NULL)");
        allowed(app, workflowDb, "UPDATE incident_data_key SET secret = NULL, destroyed_at = now()");
        allowed(app, workflowDb, "SELECT * FROM responder_text_retention");
    }

    @Test
    void evenTheOwnerCannotChangeAnEventTheTriggerStandsForIt() throws Exception {
        allowed(roles.workflowOwner(), workflowDb, EVENT.formatted(UUID.randomUUID(), 1));
        assertThatThrownBy(() -> allowed(roles.workflowOwner(), workflowDb, "DELETE FROM domain_event_entry"))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
    }

    @Test
    void theDashboardReadsOnlyTheKeysInTheWorkflowsDatabase() throws Exception {
        String dashboard = roles.dashboardApp();
        allowed(dashboard, workflowDb, "SELECT * FROM incident_data_key");
        allowed(dashboard, workflowDb, "SELECT * FROM deployment_secret");
        refused(dashboard, workflowDb, "UPDATE incident_data_key SET secret = NULL");
        refused(dashboard, workflowDb, "INSERT INTO deployment_secret VALUES ('x', '\\x00', now())");
        refused(dashboard, workflowDb, "SELECT * FROM domain_event_entry");
        refused(dashboard, workflowDb, "INSERT INTO " + "domain_event_entry (event_identifier) VALUES ('x')");
        // Its own database: owns the read model (a rebuild swaps whole tables), may not touch the workflow's.
        allowed(dashboard, dashboardDb, "CREATE SCHEMA rebuild_test");
        allowed(dashboard, dashboardDb, "DROP SCHEMA rebuild_test");
        refused(roles.workflowApp(), dashboardDb, "SELECT 1"); // no CONNECT
    }

    @Test
    void legacyObjectsAreHandedToTheOwnerAndTheSecretsArePrivate() throws Exception {
        allowed(roles.workflowOwner(), workflowDb, "ALTER TABLE legacy ADD COLUMN note text");
        for (String file : List.of("passwords.properties", "incident-workflow.env", "status-dashboard.env")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir.resolve("postgres").resolve(file))))
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(runDir.resolve("postgres/incident-workflow.env")))
                .contains("QUARKUS_DATASOURCE_USERNAME=" + roles.workflowApp() + "\n",
                        "QUARKUS_FLYWAY_USERNAME=" + roles.workflowOwner() + "\n");
    }
}
