package io.breachflow.dashboard.projection;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.TriageVerdict;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The mapping between {@link IncidentView} and a row of {@code incident_view}, shared by the writer
 * ({@link IncidentViewStore}) and the readers (the query package), so that a column is added in one place.
 * Enums are stored by name; instants as {@code timestamptz} in UTC.
 */
public final class IncidentViewRows {

    /** The columns {@link #read} expects, in a form fit for a SELECT list. */
    public static final String COLUMNS = "incident_id, status, harm, severity, title, source_system, correlation_key,"
            + " opened_at, detections_count, triage_verdict, triage_rationale, triaged_by, last_sequence, last_event_at";

    private IncidentViewRows() {
    }

    public static IncidentView read(ResultSet row) throws SQLException {
        String verdict = row.getString("triage_verdict");
        IncidentView.Triage triage = verdict == null ? null : new IncidentView.Triage(TriageVerdict.valueOf(verdict),
                row.getString("triage_rationale"), row.getString("triaged_by"));
        return new IncidentView(
                row.getString("incident_id"),
                IncidentStatus.valueOf(row.getString("status")),
                HarmKind.valueOf(row.getString("harm")),
                Severity.valueOf(row.getString("severity")),
                row.getString("title"),
                row.getString("source_system"),
                row.getString("correlation_key"),
                instant(row, "opened_at"),
                row.getInt("detections_count"),
                triage,
                row.getLong("last_sequence"),
                instant(row, "last_event_at"));
    }

    /** Binds the 14 values of {@link #COLUMNS}, in that order, from parameter 1. */
    static void bind(PreparedStatement statement, IncidentView view) throws SQLException {
        IncidentView.Triage triage = view.triage();
        statement.setString(1, view.incidentId());
        statement.setString(2, view.status().name());
        statement.setString(3, view.harm().name());
        statement.setString(4, view.severity().name());
        statement.setString(5, view.title());
        statement.setString(6, view.sourceSystem());
        statement.setString(7, view.correlationKey());
        statement.setObject(8, timestamp(view.openedAt()));
        statement.setInt(9, view.detectionsCount());
        statement.setString(10, triage == null ? null : triage.verdict().name());
        statement.setString(11, triage == null ? null : triage.rationale());
        statement.setString(12, triage == null ? null : triage.triagedBy());
        statement.setLong(13, view.lastSequence());
        statement.setObject(14, timestamp(view.lastEventAt()));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
