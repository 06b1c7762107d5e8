package io.breachflow.service.problem;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

/**
 * The identifiers PostgreSQL reports as separate fields of an error (constraint, table, column, data type):
 * names from the schema, never values. Loaded only when a {@code PSQLException} is at hand, so services
 * without the driver never need it.
 */
final class PostgresErrorFields {

    private PostgresErrorFields() {
    }

    static String of(SQLException failure) {
        if (!(failure instanceof PSQLException postgres) || postgres.getServerErrorMessage() == null) {
            return "";
        }
        ServerErrorMessage server = postgres.getServerErrorMessage();
        StringBuilder fields = new StringBuilder();
        append(fields, "constraint", server.getConstraint());
        append(fields, "table", server.getTable());
        append(fields, "column", server.getColumn());
        append(fields, "type", server.getDatatype());
        return fields.toString();
    }

    private static void append(StringBuilder fields, String label, String name) {
        if (name != null && !name.isBlank()) {
            fields.append(", ").append(label).append(' ').append(SafeReason.identifier(name));
        }
    }
}
