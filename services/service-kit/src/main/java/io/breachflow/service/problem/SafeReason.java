package io.breachflow.service.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a failure into a reason that is safe to keep in a dead-letter header and to write to a log file: the
 * kinds of the exception and its causes, the SQLState and the constraint, table and column the database names
 * (structured fields, which hold identifiers, never values), a JSON failure's field path and position, and the
 * message of our own {@link SafeMessage} exceptions.
 * <p>
 * Why: a driver's message is not ours to repeat. PostgreSQL's carries the statement with its bound values and
 * {@code Detail: Key (correlation_key)=(...)}, Jackson's quotes the token it choked on; a dead-letter reason or a
 * log line built from them copied personal data into places that outlive the incident (issue 9). So no
 * {@code getMessage()} of a foreign exception ever gets through here, and no stack trace should be logged
 * beside a reason (its first line is that message).
 */
public final class SafeReason {

    private static final int MAX_CAUSES = 6;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$.]{0,62}");
    private static final Pattern SQL_STATE = Pattern.compile("[0-9A-Z]{5}");

    private SafeReason() {
    }

    /** E.g. {@code "BatchUpdateException (SQLState 23505, constraint incident_view_pkey, table incident_view)"}. */
    public static String of(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        StringBuilder reason = new StringBuilder();
        Throwable current = failure;
        while (current != null && seen.add(current) && seen.size() <= MAX_CAUSES) {
            if (reason.length() > 0) {
                reason.append(" caused by ");
            }
            reason.append(describe(current));
            if (current instanceof SQLException) {
                break; // describe() has read the SQL chain; its causes repeat it
            }
            current = current.getCause();
        }
        return reason.toString();
    }

    private static String describe(Throwable failure) {
        String kind = failure.getClass().getSimpleName();
        if (failure instanceof SafeMessage && failure.getMessage() != null) {
            return failure.getMessage(); // our sentence says what happened; the class name adds nothing
        }
        if (failure instanceof SQLException sql) {
            return kind + sqlFacts(sql);
        }
        if (failure instanceof JsonProcessingException json) {
            return kind + jsonPlace(json);
        }
        return kind;
    }

    /** The first SQLState and the first structured server fields along the exception's "next" and cause chain. */
    private static String sqlFacts(SQLException failure) {
        String state = null;
        String fields = "";
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable link = failure; link != null && seen.add(link) && seen.size() <= MAX_CAUSES; ) {
            if (link instanceof SQLException sql) {
                if (state == null && sql.getSQLState() != null && SQL_STATE.matcher(sql.getSQLState()).matches()) {
                    state = sql.getSQLState();
                }
                // Compared by name: the driver is on the class path of the database services only.
                if (fields.isEmpty() && "org.postgresql.util.PSQLException".equals(link.getClass().getName())) {
                    fields = PostgresErrorFields.of(sql);
                }
                link = sql.getNextException() != null ? sql.getNextException() : sql.getCause();
            } else {
                link = link.getCause();
            }
        }
        return state == null && fields.isEmpty() ? "" : " (SQLState " + (state == null ? "unknown" : state) + fields + ")";
    }

    private static String jsonPlace(JsonProcessingException failure) {
        StringBuilder place = new StringBuilder();
        if (failure instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            place.append(" at ").append(mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() == null ? "[" + ref.getIndex() + "]" : identifier(ref.getFieldName()))
                    .collect(Collectors.joining(".")));
        }
        JsonLocation location = failure.getLocation();
        if (location != null && location.getLineNr() > 0) {
            place.append(" (line ").append(location.getLineNr()).append(", column ").append(location.getColumnNr()).append(')');
        }
        return place.toString();
    }

    /** A name as it is when it looks like an identifier; anything else (a map key may be an e-mail) as "?". */
    static String identifier(String name) {
        return name != null && IDENTIFIER.matcher(name).matches() ? name : "?";
    }
}
