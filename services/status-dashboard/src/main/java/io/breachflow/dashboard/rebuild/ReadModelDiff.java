package io.breachflow.dashboard.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the rows in which two schemas' read models differ, table by table (a row in one and not the other, as a
 * multiset), ignoring {@code updated_at} and {@code stalled_at}: they say when a row was written, not what the events made of it.
 */
public final class ReadModelDiff {

    private ReadModelDiff() {
    }

    public static long differences(Connection connection, String left, String right) throws SQLException {
        long differences = 0;
        for (String table : ReadModelSchemas.TABLES) {
            String columns = String.join(", ", comparedColumns(connection, left, table));
            String a = "SELECT " + columns + " FROM " + left + "." + table;
            String b = "SELECT " + columns + " FROM " + right + "." + table;
            try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM ((" + a + " EXCEPT ALL "
                    + b + ") UNION ALL (" + b + " EXCEPT ALL " + a + ")) d");
                 ResultSet row = statement.executeQuery()) {
                row.next();
                differences += row.getLong(1);
            }
        }
        return differences;
    }

    /** The columns of a read-model table that events decide, in table order. */
    public static List<String> comparedColumns(Connection connection, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? AND column_name NOT IN ('updated_at', 'stalled_at') ORDER BY ordinal_position")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }
}
