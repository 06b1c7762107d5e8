package io.breachflow.dashboard.rebuild;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schemas of a rebuild, in SQL. Fresh tables are made by running, in a schema of their own, the very Flyway
 * scripts that made the live ones (as listed in {@code flyway_schema_history}), so they match to the index name.
 * The switch moves the live tables into {@code replaced_<n>} and the rebuilt ones into {@code public}, in one
 * transaction: readers wait on the table locks for a moment and then see the new tables, never a mix.
 */
final class ReadModelSchemas {

    /** Children first: the order the tables can be moved and compared in. */
    static final List<String> TABLES = List.of("incident_projection_stall", "incident_timeline", "incident_obligation",
            "incident_view");

    private ReadModelSchemas() {
    }

    static void create(Connection connection, String schema) throws SQLException {
        List<String> scripts = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT script FROM public.flyway_schema_history"
                     + " WHERE success AND type = 'SQL' ORDER BY installed_rank")) {
            while (rows.next()) {
                scripts.add(rows.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            statement.execute("SET LOCAL search_path TO " + schema);
            for (String script : scripts) {
                statement.execute(read(script));
            }
        }
    }

    /** Moves {@code public}'s tables to {@code replaced} (dropping earlier replaced schemas) and {@code rebuilt}'s in. */
    static void switchOver(Connection connection, String rebuilt, String replaced) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Taken up front and in one order, so no reader's lock can interleave between the moves.
            statement.execute("LOCK TABLE public.incident_view, public.incident_obligation, public.incident_timeline,"
                    + " public.incident_projection_stall"
                    + " IN ACCESS EXCLUSIVE MODE");
            for (String old : schemasLike(connection, "replaced\\_%")) {
                statement.execute("DROP SCHEMA " + old + " CASCADE"); // only the last replaced set is kept
            }
            statement.execute("CREATE SCHEMA " + replaced);
            for (String table : TABLES) {
                statement.execute("ALTER TABLE public." + table + " SET SCHEMA " + replaced);
            }
            for (String table : TABLES) {
                statement.execute("ALTER TABLE " + rebuilt + "." + table + " SET SCHEMA public");
            }
            statement.execute("DROP SCHEMA " + rebuilt);
        }
    }

    /** Schemas of rebuilds that never finished (the process died): they hold nothing anyone reads. */
    static void dropAbandoned(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String schema : schemasLike(connection, "rebuild\\_%")) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static List<String> schemasLike(Connection connection, String pattern) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var statement = connection.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname LIKE ?")) {
            statement.setString(1, pattern);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static String read(String script) throws SQLException {
        // Flyway records the path within its location as Quarkus resolved it, e.g. db/migration/V1__incident_view.sql.
        String path = script.contains("/") ? script : "db/migration/" + script;
        try (InputStream in = ReadModelSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new SQLException("migration " + script + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + script, e);
        }
    }
}
