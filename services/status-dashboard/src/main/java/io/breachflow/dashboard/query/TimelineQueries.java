package io.breachflow.dashboard.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.breachflow.dashboard.projection.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an incident's timeline in sequence order, a bounded page at a time, as stored (texts sealed:
 * {@link TimelineItem#of} opens them). One statement that also tells "no such incident" (empty) from
 * "an incident without timeline rows (after the cursor)" (an empty page): the LEFT JOIN keeps the view's row either way.
 * Pages, because one answer with the whole history of an incident with large events was 31 MB (issue 10).
 */
@ApplicationScoped
public class TimelineQueries {

    // The cursor's condition sits in the join, so that the view's row (the incident exists) is kept past the end.
    private static final String TIMELINE_PAGE = "SELECT t.sequence, t.type, t.occurred_at, t.actor, t.data::text AS data"
            + " FROM incident_view v LEFT JOIN incident_timeline t ON t.incident_id = v.incident_id AND t.sequence > ?"
            + " WHERE v.incident_id = ? ORDER BY t.sequence LIMIT ?";

    private final ObjectMapper json = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    /**
     * A page of the timeline: the items after sequence {@code after}, oldest first, at most {@code limit} of them and
     * stopping before the stored JSON of the page exceeds {@code maxChars} (one item always, so that paging never
     * sticks). {@code more} tells whether items follow. Empty when the dashboard knows no such incident.
     */
    public Optional<TimelinePage> page(String incidentId, long after, int limit, long maxChars) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(TIMELINE_PAGE)) {
            statement.setLong(1, after);
            statement.setString(2, incidentId);
            statement.setInt(3, limit + 1); // one more tells whether another page follows
            statement.setFetchSize(limit + 1);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                List<TimelineRow> items = new ArrayList<>();
                long chars = 0;
                do {
                    if (rows.getString("type") == null) {
                        break; // the incident has no (further) rows
                    }
                    String data = rows.getString("data");
                    chars += data.length();
                    if (items.size() == limit || (!items.isEmpty() && chars > maxChars)) {
                        return Optional.of(new TimelinePage(items, true));
                    }
                    items.add(new TimelineRow(rows.getLong("sequence"), rows.getString("type"),
                            SqlValues.instant(rows, "occurred_at"), rows.getString("actor"), parse(data)));
                } while (rows.next());
                return Optional.of(new TimelinePage(items, false));
            }
        }
    }

    /** Some timeline rows, oldest first, and whether more follow them. */
    public record TimelinePage(List<TimelineRow> rows, boolean more) {
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("incident_timeline.data is not JSON", e); // jsonb always is
        }
    }
}
