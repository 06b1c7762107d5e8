package io.breachflow.dashboard.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The incident list: filters, one of the {@link IncidentSort} orders and keyset paging. A page continues strictly
 * after the previous page's last row ({@link Cursor}), never with OFFSET: page 1,000 costs what page 1 costs, and
 * rows inserted meanwhile neither repeat nor skip a row of the walk. One row more than asked tells whether a next
 * page exists. A single statement, so a page is one consistent snapshot.
 */
@ApplicationScoped
public class IncidentListQuery {

    @Inject
    AgroalDataSource dataSource;

    public IncidentPage page(IncidentFilter filter) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return page(connection, filter);
        }
    }

    /** On the caller's connection: the benchmark measures exactly this code. */
    public static IncidentPage page(Connection connection, IncidentFilter filter) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        filter.status().ifPresent(status -> where(conditions, values, "v.status = ?", status.name()));
        filter.harm().ifPresent(harm -> where(conditions, values, "v.harm = ?", harm.name()));
        filter.severity().ifPresent(severity -> where(conditions, values, "v.severity = ?", severity.name()));
        filter.source().ifPresent(source -> where(conditions, values, "v.source_system = ?", source));
        filter.assignee().ifPresent(assignee -> {
            where(conditions, values, AssigneeFilter.CONDITION, assignee.tag());
            values.add(assignee.name());
        });
        filter.overdue().ifPresent(overdue -> conditions.add(overdue ? IncidentSql.HAS_OVERDUE : "NOT " + IncidentSql.HAS_OVERDUE));
        IncidentSort sort = filter.sort();
        filter.after().ifPresent(cursor -> {
            conditions.add(sort.after());
            values.addAll(cursor.keys());
            values.add(cursor.incidentId());
        });
        values.add(filter.limit() + 1);
        String sql = "SELECT " + IncidentSql.SUMMARY_COLUMNS + sort.selectKeys() + IncidentSql.SUMMARY_FROM
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + sort.orderBy() + " LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            List<IncidentSummary> items = new ArrayList<>();
            Cursor next = null;
            List<String> lastKeys = List.of();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (items.size() == filter.limit()) {
                        IncidentSummary last = items.get(items.size() - 1);
                        next = new Cursor(sort, lastKeys, last.view().incidentId());
                        break;
                    }
                    items.add(IncidentQueries.summary(rows));
                    lastKeys = keys(rows, sort);
                }
            }
            return new IncidentPage(items, next);
        }
    }

    private static void where(List<String> conditions, List<Object> values, String condition, Object value) {
        conditions.add(condition);
        values.add(value);
    }

    // As PostgreSQL prints them: the cursor gives them back to a cast of the same type, so nothing is lost.
    private static List<String> keys(ResultSet row, IncidentSort sort) throws SQLException {
        List<String> keys = new ArrayList<>();
        for (IncidentSort.Key key : sort.keys()) {
            keys.add(row.getString(key.alias()));
        }
        return keys;
    }
}
