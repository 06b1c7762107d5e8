package io.breachflow.local.postgres;

import io.breachflow.local.secrets.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The PostgreSQL roles of a local stack, so that no service connects as a superuser or as the owner of what it must
 * not change (README, "Operations → database roles"). Per stack ({@code <prefix>} of its databases), with random
 * passwords made once per run directory (mode 600):
 * <ul>
 *   <li>{@code <prefix>_workflow_owner}: owns the workflow database's tables; Flyway migrates as it
 *       ({@code quarkus.flyway.username}). Not used at run time.</li>
 *   <li>{@code <prefix>_workflow_app}: incident-workflow at run time. CONNECT, USAGE on {@code public}, no CREATE;
 *       the table grants come from the workflow's migration V4 (SELECT and INSERT only on the event table
 *       {@code domain_event_entry}; SELECT, INSERT, UPDATE, DELETE on Axon's token and snapshot tables, db-scheduler's
 *       {@code scheduled_tasks}, the retention ledger and the key tables).</li>
 *   <li>{@code <prefix>_dashboard_app}: status-dashboard, migrations and run time. It owns its own database's tables and
 *       may create schemas there: its read model is disposable and its rebuild makes tables in a schema of its own and
 *       swaps them in, which only an owner can. In the workflow's database it may only connect and SELECT
 *       {@code incident_data_key} and {@code deployment_secret} (granted by the workflow's V4).</li>
 * </ul>
 * Every database's CONNECT is taken from PUBLIC, and CREATE on its {@code public} schema too. Objects an earlier
 * launcher made as the superuser are handed to the owning role. Under {@code trust} authentication (pg_hba.conf) the
 * passwords are not checked: any local user may still log in as any role; the roles then still limit what each
 * service's connections may do.
 */
public final class DatabaseRoles {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String workflowOwner;
    private final String workflowApp;
    private final String dashboardApp;

    public DatabaseRoles(String prefix) {
        this.workflowOwner = checked(prefix + "_workflow_owner");
        this.workflowApp = checked(prefix + "_workflow_app");
        this.dashboardApp = checked(prefix + "_dashboard_app");
    }

    public String workflowOwner() {
        return workflowOwner;
    }

    public String workflowApp() {
        return workflowApp;
    }

    public String dashboardApp() {
        return dashboardApp;
    }

    public List<String> all() {
        return List.of(workflowOwner, workflowApp, dashboardApp);
    }

    /**
     * Creates the roles (or sets their passwords to the stored ones) and the database-level rights; idempotent. The
     * passwords come from {@code passwordFile}, made with random ones (mode 600) where missing. {@code superuser} must
     * be allowed to create roles and to change the databases' owners' objects.
     */
    public Map<String, String> setUp(PostgresServer superuser, String workflowDb, String dashboardDb, Path passwordFile)
            throws SQLException, IOException {
        checked(workflowDb);
        checked(dashboardDb);
        Map<String, String> passwords = passwords(passwordFile);
        try (Connection c = connect(superuser, "postgres"); Statement s = c.createStatement()) {
            for (String role : all()) {
                boolean exists;
                try (ResultSet r = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                    exists = r.next();
                }
                s.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role
                        + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '"
                        + passwords.get(role) + "'");
            }
            s.execute("REVOKE ALL ON DATABASE " + workflowDb + " FROM PUBLIC");
            s.execute("GRANT CONNECT ON DATABASE " + workflowDb + " TO " + workflowOwner + ", " + workflowApp + ", " + dashboardApp);
            s.execute("REVOKE ALL ON DATABASE " + dashboardDb + " FROM PUBLIC");
            // CREATE: the rebuild's schemas.
            s.execute("GRANT CONNECT, CREATE ON DATABASE " + dashboardDb + " TO " + dashboardApp);
        }
        try (Connection c = connect(superuser, workflowDb); Statement s = c.createStatement()) {
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + workflowOwner);
            s.execute("GRANT USAGE ON SCHEMA public TO " + workflowApp + ", " + dashboardApp);
            handOver(c, workflowOwner);
        }
        try (Connection c = connect(superuser, dashboardDb); Statement s = c.createStatement()) {
            s.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            s.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + dashboardApp);
            handOver(c, dashboardApp);
        }
        return passwords;
    }

    /** Drops the roles (after their databases were dropped); returns those that could not be dropped. */
    public List<String> drop(PostgresServer superuser) throws SQLException {
        List<String> left = new ArrayList<>();
        try (Connection c = connect(superuser, "postgres"); Statement s = c.createStatement()) {
            for (String role : all()) {
                try {
                    s.execute("DROP ROLE IF EXISTS " + role);
                } catch (SQLException e) {
                    left.add(role + " (" + e.getMessage() + ")");
                }
            }
        }
        return left;
    }

    /** Makes {@code owner} the owner of every table, view, sequence, function and schema (but public) in the database. */
    private static void handOver(Connection c, String owner) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("""
                    SELECT n.nspname FROM pg_namespace n
                    WHERE n.nspname NOT IN ('public', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%%'
                      AND pg_get_userbyid(n.nspowner) <> '%s'""".formatted(owner))) {
                while (r.next()) {
                    statements.add("ALTER SCHEMA " + quote(r.getString(1)) + " OWNER TO " + owner);
                }
            }
            // Tables (with their own sequences, indexes and triggers), then what is left.
            try (ResultSet r = s.executeQuery("""
                    SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname NOT IN ('information_schema') AND n.nspname NOT LIKE 'pg\\_%%'
                      AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_get_userbyid(c.relowner) <> '%s'
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')
                                      AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass)
                    ORDER BY c.relkind <> 'r'""".formatted(owner))) {
                while (r.next()) {
                    String kind = switch (r.getString(3)) {
                        case "v" -> "VIEW";
                        case "m" -> "MATERIALIZED VIEW";
                        case "S" -> "SEQUENCE";
                        default -> "TABLE";
                    };
                    statements.add("ALTER " + kind + " " + quote(r.getString(1)) + "." + quote(r.getString(2)) + " OWNER TO " + owner);
                }
            }
            try (ResultSet r = s.executeQuery("""
                    SELECT p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname NOT IN ('information_schema') AND n.nspname NOT LIKE 'pg\\_%%'
                      AND pg_get_userbyid(p.proowner) <> '%s'""".formatted(owner))) {
                while (r.next()) {
                    statements.add("ALTER ROUTINE " + r.getString(1) + " OWNER TO " + owner);
                }
            }
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /**
     * The settings of each service's database connections, one {@code NAME=value} a line, for {@code env}: the runtime
     * role and password, Flyway's role, and the role names the workflow's migrations grant to.
     */
    public Map<String, String> environments(Map<String, String> passwords) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("incident-workflow", lines(
                "QUARKUS_DATASOURCE_USERNAME", workflowApp, "QUARKUS_DATASOURCE_PASSWORD", passwords.get(workflowApp),
                "QUARKUS_FLYWAY_USERNAME", workflowOwner, "QUARKUS_FLYWAY_PASSWORD", passwords.get(workflowOwner),
                "BREACHFLOW_DB_RUNTIME_ROLE", workflowApp, "BREACHFLOW_DB_KEY_READER_ROLE", dashboardApp));
        files.put("status-dashboard", lines(
                "QUARKUS_DATASOURCE_USERNAME", dashboardApp, "QUARKUS_DATASOURCE_PASSWORD", passwords.get(dashboardApp),
                "QUARKUS_DATASOURCE_KEYS_USERNAME", dashboardApp, "QUARKUS_DATASOURCE_KEYS_PASSWORD", passwords.get(dashboardApp)));
        return files;
    }

    /** Writes {@link #environments} as {@code <dir>/<service>.env}, each readable by its owner only. */
    public void writeEnvironments(Path dir, Map<String, String> passwords) throws IOException {
        for (Map.Entry<String, String> file : environments(passwords).entrySet()) {
            PrivateFiles.write(dir.resolve(file.getKey() + ".env"), out -> out.write(file.getValue()));
        }
    }

    private static String lines(String... namesAndValues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.append(namesAndValues[i]).append('=').append(namesAndValues[i + 1]).append('\n');
        }
        return out.toString();
    }

    /** One password per role, made once per run directory and kept private (PrivateFiles). */
    private Map<String, String> passwords(Path file) throws IOException {
        return PrivateFiles.secrets(file, all(), "Passwords of the stack's PostgreSQL roles");
    }

    private static Connection connect(PostgresServer server, String database) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
    }

    private static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain PostgreSQL name: " + name);
        }
        return name;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
