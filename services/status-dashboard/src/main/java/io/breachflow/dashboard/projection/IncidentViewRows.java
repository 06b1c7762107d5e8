package io.breachflow.dashboard.projection;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.ErasureGround;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.TriageVerdict;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.breachflow.dashboard.projection.SqlValues.instant;
import static io.breachflow.dashboard.projection.SqlValues.named;
import static io.breachflow.dashboard.projection.SqlValues.timestamp;

/**
 * The mapping between {@link IncidentView} and a row of {@code incident_view} (its obligations have their own
 * table, {@link IncidentObligationRows}), shared by the writer ({@link IncidentViewStore}) and the readers (the query
 * package), so that a column is added in one place. Enums are stored by name; instants as {@code timestamptz} in UTC.
 * {@code open_measures} is a generated column (the size of {@code open_measure_ids}), read but never written.
 */
public final class IncidentViewRows {

    /** The columns {@link #bind} writes, in its order. */
    static final List<String> WRITTEN = List.of("incident_id", "status", "harm", "severity", "title", "source_system",
            "correlation_key", "opened_at", "detections_count", "triage_verdict", "triage_rationale", "triaged_by",
            "assignee", "grade", "subjects_affected", "open_measure_ids", "resolved_at", "closed_at",
            "last_sequence", "last_event_at", "triaged_at", "first_measure_at", "contained_at",
            "first_regulator_notified_at", "last_verdict", "next_due_sort", "aware_at", "awareness_from",
            "first_received_at", "first_observed_at", "harms", "basis_recorded", "legacy_measure_taken", "assignee_tag",
            "erased_at", "erasure_ground");

    /** The parameter of each written column; the sort key of "no clock" is stored as 'infinity' (see V3). */
    static String placeholder(String column) {
        return column.equals("next_due_sort") ? "COALESCE(?::timestamptz, 'infinity')" : "?";
    }

    /** The columns {@link #read} expects, in a form fit for a SELECT list. */
    public static final String COLUMNS = String.join(", ", WRITTEN);

    private IncidentViewRows() {
    }

    /** {@link #COLUMNS}, each qualified with {@code alias}, for a SELECT that joins other tables. */
    public static String columns(String alias) {
        return WRITTEN.stream().map(column -> alias + "." + column).collect(Collectors.joining(", "));
    }

    /** The view of the current row, without its obligations (its ledger holds none until they are loaded). */
    public static IncidentView read(ResultSet row) throws SQLException {
        String verdict = row.getString("triage_verdict");
        IncidentView.Triage triage = verdict == null ? null : new IncidentView.Triage(TriageVerdict.valueOf(verdict),
                row.getString("triage_rationale"), row.getString("triaged_by"));
        String grade = row.getString("grade");
        long subjects = row.getLong("subjects_affected");
        Long subjectsAffected = row.wasNull() ? null : subjects;
        Array measures = row.getArray("open_measure_ids");
        List<String> openMeasureIds = measures == null ? List.of() : Arrays.asList((String[]) measures.getArray());
        String incidentId = row.getString("incident_id");
        return new IncidentView(
                incidentId,
                IncidentStatus.valueOf(row.getString("status")),
                HarmKind.valueOf(row.getString("harm")),
                Severity.valueOf(row.getString("severity")),
                row.getString("title"),
                row.getString("source_system"),
                row.getString("correlation_key"),
                instant(row, "opened_at"),
                row.getInt("detections_count"),
                triage,
                row.getString("assignee"),
                row.getString("assignee_tag"),
                grade == null ? null : IncidentGrade.valueOf(grade),
                subjectsAffected,
                Set.copyOf(openMeasureIds),
                instant(row, "resolved_at"),
                instant(row, "closed_at"),
                StoredLedger.restore(incidentId, List.of(), row.getBoolean("basis_recorded"), row.getBoolean("legacy_measure_taken")),
                row.getLong("last_sequence"),
                instant(row, "last_event_at"),
                milestones(row),
                awareness(row),
                harms(row),
                erasure(row));
    }

    private static IncidentView.Erasure erasure(ResultSet row) throws SQLException {
        String ground = row.getString("erasure_ground");
        return ground == null ? null : new IncidentView.Erasure(instant(row, "erased_at"), ErasureGround.valueOf(ground));
    }

    private static IncidentView.Awareness awareness(ResultSet row) throws SQLException {
        String from = row.getString("awareness_from");
        return new IncidentView.Awareness(instant(row, "aware_at"), from == null ? null : AwarenessSource.valueOf(from),
                instant(row, "first_received_at"), instant(row, "first_observed_at"));
    }

    private static Set<HarmKind> harms(ResultSet row) throws SQLException {
        Array harms = row.getArray("harms");
        Set<HarmKind> kinds = EnumSet.noneOf(HarmKind.class);
        if (harms != null) {
            for (String name : (String[]) harms.getArray()) {
                kinds.add(HarmKind.valueOf(name));
            }
        }
        return kinds;
    }

    private static Milestones milestones(ResultSet row) throws SQLException {
        String verdict = row.getString("last_verdict");
        return new Milestones(instant(row, "triaged_at"), instant(row, "first_measure_at"), instant(row, "contained_at"),
                instant(row, "first_regulator_notified_at"), verdict == null ? null : TriageVerdict.valueOf(verdict));
    }

    /** Binds the values of {@link #WRITTEN}, in that order, from parameter 1. */
    static void bind(PreparedStatement statement, IncidentView view) throws SQLException {
        IncidentView.Triage triage = view.triage();
        int column = 1;
        statement.setString(column++, view.incidentId());
        statement.setString(column++, view.status().name());
        statement.setString(column++, view.harm().name());
        statement.setString(column++, view.severity().name());
        statement.setString(column++, view.title());
        statement.setString(column++, view.sourceSystem());
        statement.setString(column++, view.correlationKey());
        statement.setObject(column++, timestamp(view.openedAt()));
        statement.setInt(column++, view.detectionsCount());
        statement.setString(column++, triage == null ? null : named(triage.verdict()));
        statement.setString(column++, triage == null ? null : triage.rationale());
        statement.setString(column++, triage == null ? null : triage.triagedBy());
        statement.setString(column++, view.assignee());
        statement.setString(column++, named(view.grade()));
        if (view.subjectsAffected() == null) {
            statement.setNull(column++, Types.BIGINT);
        } else {
            statement.setLong(column++, view.subjectsAffected());
        }
        statement.setArray(column++, statement.getConnection().createArrayOf("text", view.openMeasureIds().toArray()));
        statement.setObject(column++, timestamp(view.resolvedAt()));
        statement.setObject(column++, timestamp(view.closedAt()));
        statement.setLong(column++, view.lastSequence());
        statement.setObject(column++, timestamp(view.lastEventAt()));
        Milestones milestones = view.milestones();
        statement.setObject(column++, timestamp(milestones.triagedAt()));
        statement.setObject(column++, timestamp(milestones.firstMeasureAt()));
        statement.setObject(column++, timestamp(milestones.containedAt()));
        statement.setObject(column++, timestamp(milestones.firstRegulatorNotifiedAt()));
        statement.setString(column++, named(milestones.lastVerdict()));
        statement.setObject(column++, timestamp(view.nextDueAt()));
        IncidentView.Awareness awareness = view.awareness();
        statement.setObject(column++, timestamp(awareness.awareAt()));
        statement.setString(column++, named(awareness.awarenessFrom()));
        statement.setObject(column++, timestamp(awareness.firstReceivedAt()));
        statement.setObject(column++, timestamp(awareness.firstObservedAt()));
        statement.setArray(column++, statement.getConnection().createArrayOf("text",
                view.harms().stream().map(Enum::name).toArray()));
        statement.setBoolean(column++, view.basisRecorded());
        statement.setBoolean(column++, view.legacyMeasureTaken());
        statement.setString(column++, view.assigneeTag());
        IncidentView.Erasure erasure = view.erasure();
        statement.setObject(column++, timestamp(erasure == null ? null : erasure.erasedAt()));
        statement.setString(column, erasure == null ? null : named(erasure.ground()));
    }
}
