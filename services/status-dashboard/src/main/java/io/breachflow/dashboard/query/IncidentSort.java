package io.breachflow.dashboard.query;

import java.util.List;
import java.util.Optional;

/**
 * The orders of the incident list, each a key of columns read in ONE direction with the incident id last, so that
 * a row-value comparison {@code (k1, k2, id) < (?, ?, ?)} continues a page exactly (keyset paging) and one index
 * of V3 serves it forwards or backwards.
 */
public enum IncidentSort {

    OPENED_AT("openedAt", false, List.of(Key.OPENED_AT)),
    NEWEST_FIRST("-openedAt", true, List.of(Key.OPENED_AT)),
    SEVERITY("severity", false, List.of(Key.SEVERITY, Key.OPENED_AT)),
    MOST_SEVERE_FIRST("-severity", true, List.of(Key.SEVERITY, Key.OPENED_AT)),
    // Soonest deadline first; incidents without a clock ('infinity') last.
    NEXT_DEADLINE("nextDeadline", false, List.of(Key.NEXT_DUE));

    /** A sort column: how to select it as text for a cursor, and how to compare a cursor's text with it. */
    public enum Key {
        OPENED_AT("v.opened_at", "timestamptz"),
        SEVERITY("v.severity_rank", "smallint"),
        NEXT_DUE("v.next_due_sort", "timestamptz");

        final String column;
        final String type;

        Key(String column, String type) {
            this.column = column;
            this.type = type;
        }

        String alias() {
            return "sort_" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String parameter;
    private final boolean descending;
    private final List<Key> keys;

    IncidentSort(String parameter, boolean descending, List<Key> keys) {
        this.parameter = parameter;
        this.descending = descending;
        this.keys = keys;
    }

    /** The value of {@code ?sort=} that asks for this order. */
    public String parameter() {
        return parameter;
    }

    public static Optional<IncidentSort> of(String parameter) {
        for (IncidentSort sort : values()) {
            if (sort.parameter.equals(parameter)) {
                return Optional.of(sort);
            }
        }
        return Optional.empty();
    }

    List<Key> keys() {
        return keys;
    }

    /** The sort columns as text, for the cursor of the page's last row. */
    String selectKeys() {
        StringBuilder select = new StringBuilder();
        keys.forEach(key -> select.append(", ").append(key.column).append("::text AS ").append(key.alias()));
        return select.toString();
    }

    /** Rows after the cursor's: {@code (k..., id) > (?::type..., ?)}, or {@code <} when descending. */
    String after() {
        StringBuilder left = new StringBuilder("(");
        StringBuilder right = new StringBuilder("(");
        for (Key key : keys) {
            left.append(key.column).append(", ");
            right.append("?::").append(key.type).append(", ");
        }
        return left + "v.incident_id) " + (descending ? "<" : ">") + " " + right + "?)";
    }

    String orderBy() {
        String direction = descending ? " DESC" : "";
        StringBuilder order = new StringBuilder(" ORDER BY ");
        keys.forEach(key -> order.append(key.column).append(direction).append(", "));
        return order + "v.incident_id" + direction;
    }
}
