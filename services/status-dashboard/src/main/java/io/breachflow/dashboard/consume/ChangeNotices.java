package io.breachflow.dashboard.consume;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The notices every dashboard instance's live stream is fed by (issue 15): PostgreSQL {@code NOTIFY} on the channel
 * {@value #CHANNEL}, sent inside the transaction that changed the read models, so PostgreSQL delivers them to every
 * listening instance when, and only if, that transaction commits, in commit order.
 * <p>
 * A payload is either a JSON array of incident ids (never anything else of the incident: the ids are all a listener
 * needs to re-read the views, and a notice must carry no personal data) or {@value #RELOAD} (the read models were
 * replaced as a whole: clients reload). PostgreSQL refuses a payload of 8000 bytes or more, so a batch's ids go out in
 * as many notices as it takes; an id too long for any notice turns into {@value #RELOAD}, which loses nothing.
 */
public final class ChangeNotices {

    public static final String CHANNEL = "incidents_changed";
    static final String RELOAD = "reload";
    /** Below PostgreSQL's limit of 8000 bytes with room to spare. */
    static final int MAX_PAYLOAD_BYTES = 7_900;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeNotices() {
    }

    /** Announces, on commit of the connection's transaction, that these incidents' views changed. */
    public static void changed(Connection connection, Collection<String> incidentIds) throws SQLException {
        for (String payload : payloads(incidentIds)) {
            send(connection, payload);
        }
    }

    /** Announces, on commit, that every view may have changed (a rebuild switched the read models). */
    public static void reload(Connection connection) throws SQLException {
        send(connection, RELOAD);
    }

    /** The payloads that carry these ids, each under {@link #MAX_PAYLOAD_BYTES}. */
    static List<String> payloads(Collection<String> incidentIds) {
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder("[");
        int bytes = 2; // the brackets
        for (String id : incidentIds) {
            String quoted = quoted(id);
            int size = quoted.getBytes(StandardCharsets.UTF_8).length + 1; // and a comma
            if (size + 2 > MAX_PAYLOAD_BYTES) {
                return List.of(RELOAD); // no notice can name it; a reload covers every id of the batch
            }
            if (bytes + size > MAX_PAYLOAD_BYTES) {
                payloads.add(current.append(']').toString());
                current = new StringBuilder("[");
                bytes = 2;
            }
            if (current.length() > 1) {
                current.append(',');
            }
            current.append(quoted);
            bytes += size;
        }
        if (current.length() > 1) {
            payloads.add(current.append(']').toString());
        }
        return payloads;
    }

    /** The incident ids a payload names; empty for {@value #RELOAD} or a payload not of this format. */
    public static Optional<List<String>> incidentIds(String payload) {
        if (payload == null || !payload.startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.of(List.of(JSON.readValue(payload, String[].class)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static void send(Connection connection, String payload) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            statement.setString(1, CHANNEL);
            statement.setString(2, payload);
            statement.execute();
        }
    }

    private static String quoted(String id) {
        try {
            return JSON.writeValueAsString(id);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string that Jackson cannot write", e);
        }
    }
}
