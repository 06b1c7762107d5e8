package io.breachflow.dashboard.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.obligation.ObligationState;
import io.breachflow.service.json.ContractJson;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static io.breachflow.dashboard.projection.SqlValues.instant;
import static io.breachflow.dashboard.projection.SqlValues.timestamp;

/** The mapping between {@link IncidentObligation} and a row of {@code incident_obligation}, for writer and readers. */
public final class IncidentObligationRows {

    /** The columns {@link #read} expects (besides {@code incident_id}), in a form fit for a SELECT list. */
    public static final String COLUMNS = "obligation_id, kind, recipient, rule_citation, due_at, state, missed,"
            + " waiver_ground, determinations, terms";

    /** Earliest due time first, those without a clock last: the order a responder works through them. */
    public static final String ORDER = "due_at NULLS LAST, obligation_id";

    private static final ObjectMapper JSON = ContractJson.newMapper();

    private IncidentObligationRows() {
    }

    public static IncidentObligation read(ResultSet row) throws SQLException {
        return new IncidentObligation(
                row.getString("obligation_id"),
                ObligationKind.valueOf(row.getString("kind")),
                row.getString("recipient"),
                row.getString("rule_citation"),
                instant(row, "due_at"),
                ObligationState.valueOf(row.getString("state")),
                row.getBoolean("missed"),
                row.getString("waiver_ground"),
                row.getInt("determinations"),
                terms(row.getString("terms")));
    }

    /** Binds incident id and the obligation's {@link #COLUMNS}, in that order, from parameter 1. */
    static void bind(PreparedStatement statement, String incidentId, IncidentObligation obligation) throws SQLException {
        statement.setString(1, incidentId);
        statement.setString(2, obligation.obligationId());
        statement.setString(3, obligation.kind().name());
        statement.setString(4, obligation.recipient());
        statement.setString(5, obligation.citation());
        statement.setObject(6, timestamp(obligation.dueAt()));
        statement.setString(7, obligation.state().name());
        statement.setBoolean(8, obligation.missed());
        statement.setString(9, obligation.waiverGround());
        statement.setInt(10, obligation.determinations());
        statement.setString(11, json(obligation));
    }

    private static NotificationObligationDetermined terms(String json) throws SQLException {
        try {
            return json == null ? null : JSON.readValue(json, NotificationObligationDetermined.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored obligation terms are not a NotificationObligationDetermined", e);
        }
    }

    private static String json(IncidentObligation obligation) {
        try {
            return obligation.terms() == null ? null : JSON.writeValueAsString(obligation.terms());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("terms of " + obligation.obligationId() + " cannot be written as JSON", e);
        }
    }
}
