package io.breachflow.local.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores a {@link Backup} of the workflow's database into a new (or empty) database, then checks it.
 *
 * <p>Why this restores what was dumped, and nothing else: {@code pg_restore} of a whole custom-format archive creates
 * the tables, loads every table's rows, and only then creates the triggers ({@code pg_dump} puts them in its
 * post-data section). So the chain trigger of {@code domain_event_entry} does not fire for the restored events and the
 * restored {@code event_chain} is exactly the dumped one; the append-only triggers are back before anyone connects.
 * A data-only restore into a migrated database would instead compute a second chain row per event: this class never
 * does that, it refuses a database that holds anything. It runs as the server's superuser in one transaction, so the
 * dump's owners ({@code ALTER … OWNER TO}) and grants (V4's {@code GRANT}s, V5's revokes, the default privileges) come
 * back as they were; the roles they name must exist (roles belong to the server, not to the dump).
 */
public final class Restore {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** Roles a schema script names: owners, grantees, and the owners of default privileges. */
    private static final Pattern ROLE = Pattern.compile(
            "(?m)(?:OWNER TO |^GRANT .* TO |FOR ROLE )(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)");
    /** The workflow's event store: without these it is not a dump of the workflow's database. */
    private static final List<String> WORKFLOW_TABLES = List.of("domain_event_entry", "event_chain", "incident_data_key");
    /** The triggers that keep the log append-only and chained (migrations V1 and V5). */
    private static final List<String> LOG_TRIGGERS = List.of(
            "domain_event_entry_append_only", "domain_event_entry_chain", "event_chain_append_only");

    private Restore() {
    }

    /**
     * What a restore did and found.
     *
     * @param created     whether the database was created (else it existed, empty)
     * @param roles       the roles the dump's objects belong or are granted to (all present on the server)
     * @param manifest    the backup's manifest, null if the dump had none beside it
     * @param differences how the restored store differs from the manifest's checkpoint (empty: the same store)
     */
    public record Report(String database, boolean created, Set<String> roles, ChainCheckpoint checkpoint,
                         ErasuresInLog erasures, BackupManifest manifest, List<String> differences) {

        /** The restored chain is valid and, where a manifest says what was dumped, it is that store. */
        public boolean verified() {
            return checkpoint.valid() && differences.isEmpty();
        }
    }

    /** Thrown before anything is changed when the restore must not go on (the message says why and what to do). */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    public static Report run(PostgresServer server, Path dump, String database) throws IOException, SQLException {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new Refused("not a plain database name: " + database);
        }
        if (!Files.isReadable(dump)) {
            throw new Refused("no readable backup at " + dump);
        }
        BackupManifest manifest = BackupManifest.read(dump);
        if (manifest != null && !manifest.dumpSha256().equals(BackupManifest.sha256(dump))) {
            throw new Refused(dump + " does not match its manifest (SHA-256 differs): the file is damaged or not the"
                    + " dump the manifest describes");
        }
        String schema;
        try {
            schema = PostgresTools.runOffline("pg_restore", List.of("--schema-only", "--file=-", dump.toString()));
        } catch (IOException e) {
            throw new Refused(dump + " is not a pg_dump archive in custom format: " + e.getMessage());
        }
        for (String table : WORKFLOW_TABLES) {
            if (!schema.contains("CREATE TABLE public." + table + " ")) {
                throw new Refused(dump + " is not a backup of the workflow's database (no table " + table + ")");
            }
        }
        Set<String> roles = rolesNamedIn(schema);
        boolean created;
        try (Connection c = connect(server, "postgres"); Statement s = c.createStatement()) {
            List<String> missing = new ArrayList<>();
            for (String role : roles) {
                try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = " + literal(role))) {
                    if (!r.next()) {
                        missing.add(role);
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw new Refused("the backup's objects belong or are granted to roles this server does not have: "
                        + String.join(", ", missing) + ". Create them first (the local stack: deploy/local/breachflow up"
                        + " with the same BREACHFLOW_DB_PREFIX creates them; elsewhere as README \"Database roles\" says)");
            }
            try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = " + literal(database))) {
                created = !r.next();
            }
            if (created) {
                s.execute("CREATE DATABASE " + database);
            }
        }
        try {
            if (!created) {
                refuseIfNotEmpty(server, database);
            }
            PostgresTools.run(server, "pg_restore", List.of("--exit-on-error", "--single-transaction",
                    "--dbname=" + database, dump.toString()));
        } catch (IOException | SQLException | RuntimeException e) {
            if (created) {
                server.dropDatabase(database);
            }
            throw e;
        }
        try (Connection c = connect(server, "postgres"); Statement s = c.createStatement()) {
            // Database-level rights are not in a dump (they belong to the database, not its contents): as the launcher
            // sets them (DatabaseRoles), CONNECT only for the roles the dump names.
            s.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            for (String role : roles) {
                if (!role.startsWith("pg_")) {
                    s.execute("GRANT CONNECT ON DATABASE " + database + " TO " + quote(role));
                }
            }
        }
        try (Connection c = connect(server, database)) {
            requireLogTriggers(c);
            ErasuresInLog erasures = ErasuresInLog.enforce(c);
            ChainCheckpoint checkpoint = ChainCheckpoint.of(c);
            List<String> differences = manifest == null ? List.of() : manifest.differences(checkpoint);
            return new Report(database, created, roles, checkpoint, erasures, manifest, differences);
        }
    }

    static Set<String> rolesNamedIn(String schema) {
        Set<String> roles = new TreeSet<>();
        Matcher m = ROLE.matcher(schema);
        while (m.find()) {
            String role = m.group(1);
            if (role.startsWith("\"")) {
                role = role.substring(1, role.length() - 1).replace("\"\"", "\"");
            }
            if (!role.equalsIgnoreCase("PUBLIC")) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static void refuseIfNotEmpty(PostgresServer server, String database) throws SQLException, Refused {
        try (Connection c = connect(server, database)) {
            long objects = ChainCheckpoint.count(c, """
                    SELECT (SELECT count(*) FROM pg_class k JOIN pg_namespace n ON n.oid = k.relnamespace
                             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%')
                         + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%')""");
            if (objects > 0) {
                throw new Refused("database " + database + " is not empty (" + objects + " tables, sequences, indexes or"
                        + " functions): a restore goes only into a new or empty database, never over data. Restore into"
                        + " another name, or drop " + database + " first (after backing it up, if it may hold anything"
                        + " the backup does not)");
            }
        }
    }

    private static void requireLogTriggers(Connection c) throws SQLException {
        List<String> missing = new ArrayList<>(LOG_TRIGGERS);
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'O'")) {
            while (r.next()) {
                missing.remove(r.getString(1));
            }
        }
        if (!missing.isEmpty()) {
            throw new SQLException("the restored database lacks the enabled triggers " + missing + " that keep the log"
                    + " append-only and chained: do not use it");
        }
    }

    private static Connection connect(PostgresServer server, String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
