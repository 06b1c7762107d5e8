package io.breachflow.local.postgres;

import io.breachflow.contracts.CloudEventTypes;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Backup and restore of the workflow's database on the real PostgreSQL, set up as the launcher sets it up (roles,
 * migrations as the owner, events appended by the run-time role through the chain trigger): the restored store is the
 * dumped one (same chain, digest, owners and grants), its triggers are back, keys an erasure in the log left live are
 * destroyed, and a restore over data or from a damaged file is refused.
 */
class BackupRestoreTest {

    @TempDir
    static Path dir;
    static PostgresServer postgres;
    static DatabaseRoles roles;
    static Map<String, String> passwords;
    static String source;
    static String dashboard;
    static final List<String> restored = new ArrayList<>();

    static final Instant ERASED_AT = Instant.parse("2026-06-01T10:00:00Z");

    @BeforeAll
    static void aWorkflowDatabaseWithTwoIncidentsOneErased() throws Exception {
        postgres = Infrastructure.postgres();
        String prefix = "bf_backup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        source = prefix + "_workflow";
        dashboard = prefix + "_dashboard";
        postgres.ensureDatabase(source);
        postgres.ensureDatabase(dashboard);
        roles = new DatabaseRoles(prefix);
        passwords = roles.setUp(postgres, source, dashboard, dir.resolve("postgres/passwords.properties"));
        WorkflowMigrations.migrate(as(roles.workflowOwner(), source), WorkflowMigrations.WORKFLOW,
                Map.of("runtime_role", roles.workflowApp(), "key_reader_role", roles.dashboardApp()));

        String app = roles.workflowApp();
        append(app, source, "incident-a", 0, "io.breachflow.incident.opened.v1", ERASED_AT.minus(2, ChronoUnit.DAYS));
        append(app, source, "incident-a", 1, "io.breachflow.incident.note-added.v1", ERASED_AT.minus(1, ChronoUnit.DAYS));
        append(app, source, "incident-b", 0, "io.breachflow.incident.opened.v1", ERASED_AT.minus(3, ChronoUnit.DAYS));
        append(app, source, "incident-b", 1, CloudEventTypes.PERSONAL_DATA_ERASED, ERASED_AT);
        // incident-a's key; incident-b's first key left live by a dump taken between its erasure's event and the
        // destruction; its second key seals a text written after the erasure and must stay.
        key(app, source, "incident-a", 1, ERASED_AT.minus(2, ChronoUnit.DAYS));
        key(app, source, "incident-b", 1, ERASED_AT.minus(3, ChronoUnit.DAYS));
        key(app, source, "incident-b", 2, ERASED_AT.plus(1, ChronoUnit.HOURS));
    }

    @AfterAll
    static void dropEverything() throws Exception {
        if (roles != null) {
            for (String db : restored) {
                postgres.dropDatabase(db);
            }
            postgres.dropDatabase(source);
            postgres.dropDatabase(dashboard);
            assertThat(roles.drop(postgres)).isEmpty();
        }
    }

    @Test
    void aRestoredStoreIsTheDumpedOneWithItsChainOwnersGrantsAndTriggers() throws Exception {
        Path dump = dir.resolve("restore-test.dump");
        BackupManifest manifest = Backup.run(postgres, source, dump);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dump))).isEqualTo("rw-------");
        assertThat(manifest.checkpoint().events()).isEqualTo(4);
        assertThat(manifest.checkpoint().valid()).isTrue();
        assertThat(BackupManifest.read(dump)).isEqualTo(manifest);
        // Appended after the backup: not in the dump, so the source's digest moves on and the restored one must not.
        appendLater(roles.workflowApp(), source);
        assertThatThrownBy(() -> Backup.run(postgres, source, dump)).hasMessageContaining("never overwrites");

        String target = fresh();
        Restore.Report report = Restore.run(postgres, dump, target);

        assertThat(report.verified()).as("%s", report).isTrue();
        assertThat(report.created()).isTrue();
        assertThat(report.differences()).isEmpty();
        assertThat(report.checkpoint()).isEqualTo(manifest.checkpoint());
        assertThat(report.roles()).contains(roles.workflowOwner(), roles.workflowApp(), roles.dashboardApp());
        assertThat(report.erasures()).isEqualTo(new ErasuresInLog(1, 1));
        try (Connection c = superuser(target)) {
            // The chain trigger did not fire for the restored rows: one chain row each, exactly the dumped ones.
            assertThat(ChainCheckpoint.count(c, "SELECT count(*) FROM event_chain")).isEqualTo(4);
            assertThat(chainRows(c)).isEqualTo(chainRowsUpTo(source, manifest.checkpoint().upToGlobalIndex()));
            assertThat(ErasuresInLog.keysLeft(c)).isZero();
            assertThat(ChainCheckpoint.count(c, "SELECT count(*) FROM incident_data_key WHERE secret IS NOT NULL"
                    + " AND (incident_id, generation) IN (('incident-a', 1), ('incident-b', 2))")).isEqualTo(2);
        }
        assertThat(ownersAndGrants(target)).isEqualTo(ownersAndGrants(source));

        // The run-time role works on the copy as on the original: appends (chained by the trigger), never rewrites.
        String app = roles.workflowApp();
        appendLater(app, target);
        assertThatThrownBy(() -> execute(app, target, "UPDATE domain_event_entry SET payload_type = 'X'"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> execute(roles.workflowOwner(), target, "DELETE FROM event_chain"))
                .hasMessageContaining("append-only");
        try (Connection c = superuser(target); Connection s = superuser(source)) {
            // The same event appended to both: the same global index, chain and digest.
            assertThat(ChainCheckpoint.of(c)).isEqualTo(ChainCheckpoint.of(s));
        }
        execute(roles.dashboardApp(), target, "SELECT count(*) FROM incident_data_key");
        assertThatThrownBy(() -> execute(roles.dashboardApp(), target, "SELECT count(*) FROM domain_event_entry"))
                .hasMessageContaining("permission denied");
    }

    @Test
    void aRestoreNeverGoesOverDataNorFromADamagedDump() throws Exception {
        Path dump = dir.resolve("refusal-test.dump");
        Backup.run(postgres, source, dump);
        long events;
        try (Connection c = superuser(source)) {
            events = ChainCheckpoint.count(c, "SELECT count(*) FROM domain_event_entry");
        }

        assertThatThrownBy(() -> Restore.run(postgres, dump, source)).isInstanceOf(Restore.Refused.class)
                .hasMessageContaining("database " + source + " is not empty");
        try (Connection c = superuser(source)) {
            assertThat(ChainCheckpoint.count(c, "SELECT count(*) FROM domain_event_entry")).isEqualTo(events);
        }

        Path damaged = dir.resolve("damaged.dump");
        byte[] bytes = Files.readAllBytes(dump);
        bytes[bytes.length / 2] ^= 1;
        Files.write(damaged, bytes);
        Files.copy(BackupManifest.fileOf(dump), BackupManifest.fileOf(damaged));
        String target = fresh();
        assertThatThrownBy(() -> Restore.run(postgres, damaged, target)).isInstanceOf(Restore.Refused.class)
                .hasMessageContaining("does not match its manifest");

        Path notADump = dir.resolve("not-a.dump");
        Files.writeString(notADump, "hello");
        assertThatThrownBy(() -> Restore.run(postgres, notADump, target)).isInstanceOf(Restore.Refused.class)
                .hasMessageContaining("not a pg_dump archive");
        try (Connection c = superuser("postgres")) {
            assertThat(ChainCheckpoint.count(c, "SELECT count(*) FROM pg_database WHERE datname = '" + target + "'"))
                    .as("a refused restore creates no database").isZero();
        }
    }

    private static String fresh() {
        String name = source.replace("_workflow", "_restored" + restored.size());
        restored.add(name);
        return name;
    }

    /** Each relation's, routine's and schema's owner and ACL, and the default privileges. */
    private static Map<String, String> ownersAndGrants(String database) throws SQLException {
        Map<String, String> found = new TreeMap<>();
        try (Connection c = superuser(database); Statement s = c.createStatement()) {
            for (String query : List.of(
                    "SELECT 'relation ' || c.relname, pg_get_userbyid(c.relowner) || ' ' || coalesce(c.relacl::text, '-')"
                            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'",
                    "SELECT 'routine ' || p.oid::regprocedure, pg_get_userbyid(p.proowner) || ' ' || coalesce(p.proacl::text, '-')"
                            + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'",
                    "SELECT 'schema ' || nspname, pg_get_userbyid(nspowner) || ' ' || coalesce(nspacl::text, '-')"
                            + " FROM pg_namespace WHERE nspname = 'public'",
                    "SELECT 'default ' || pg_get_userbyid(defaclrole) || ' ' || defaclobjtype::text, defaclacl::text FROM pg_default_acl",
                    "SELECT 'trigger ' || tgname, tgenabled::text FROM pg_trigger WHERE NOT tgisinternal")) {
                try (ResultSet r = s.executeQuery(query)) {
                    while (r.next()) {
                        found.put(r.getString(1), r.getString(2));
                    }
                }
            }
        }
        return found;
    }

    private static List<String> chainRows(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT global_index, aggregate_identifier, sequence_number, encode(prev_hash, 'hex'), encode(hash, 'hex')"
                        + " FROM event_chain ORDER BY global_index")) {
            while (r.next()) {
                rows.add(r.getLong(1) + " " + r.getString(2) + " " + r.getLong(3) + " " + r.getString(4) + " " + r.getString(5));
            }
        }
        return rows;
    }

    private static List<String> chainRowsUpTo(String database, long globalIndex) throws SQLException {
        try (Connection c = superuser(database)) {
            return chainRows(c).stream().filter(row -> Long.parseLong(row.substring(0, row.indexOf(' '))) <= globalIndex).toList();
        }
    }

    /** One event, always the same (same id, time and content): appended to the source after the backup, and to the copy. */
    private static void appendLater(String role, String database) throws SQLException {
        append(role, database, "incident-a", 2, "io.breachflow.incident.note-added.v1", ERASED_AT,
                "00000000-0000-0000-0000-000000000002");
    }

    private static void append(String role, String database, String incident, long sequence, String type, Instant at)
            throws SQLException {
        append(role, database, incident, sequence, type, at, UUID.randomUUID().toString());
    }

    private static void append(String role, String database, String incident, long sequence, String type, Instant at,
                               String eventId) throws SQLException {
        try (Connection c = as(role, database); PreparedStatement s = c.prepareStatement(
                "INSERT INTO domain_event_entry (event_identifier, payload, payload_type, time_stamp, aggregate_identifier,"
                        + " sequence_number, type) VALUES (?, ?, ?, ?, ?, ?, 'Incident')")) {
            s.setString(1, eventId);
            s.setBytes(2, ("{\"sequence\":" + sequence + "}").getBytes());
            s.setString(3, type);
            s.setString(4, at.toString());
            s.setString(5, incident);
            s.setLong(6, sequence);
            s.executeUpdate();
        }
    }

    private static void key(String role, String database, String incident, int generation, Instant createdAt)
            throws SQLException {
        try (Connection c = as(role, database); PreparedStatement s = c.prepareStatement(
                "INSERT INTO incident_data_key (incident_id, generation, secret, created_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, incident);
            s.setInt(2, generation);
            s.setBytes(3, new byte[32]);
            s.setObject(4, java.time.OffsetDateTime.ofInstant(createdAt, java.time.ZoneOffset.UTC));
            s.executeUpdate();
        }
    }

    private static void execute(String role, String database, String sql) throws SQLException {
        try (Connection c = as(role, database); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.user(), postgres.password());
    }

    private static Connection as(String role, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), role, passwords.get(role));
    }
}
