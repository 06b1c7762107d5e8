package io.breachflow.dashboard.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** How the read model's Java values meet SQL: instants as {@code timestamptz} in UTC, enums by name. */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static String named(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
