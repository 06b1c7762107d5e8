package io.breachflow.workflow.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.FilingDetail;
import io.breachflow.contracts.incident.obligation.ObligationLedger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The full state of one incident as known at a point of its event log, rebuilt by {@link IncidentHistory} from the
 * events alone. It is what auditors read ("what did we know at 10:42?") and what filings are generated from.
 *
 * <p>{@code awareness} is the moment every legal clock runs from ({@code openedAt} is when the workflow processed
 * the first detection); {@code basis} what the incident is judged by (null for incidents recorded before it was).
 * {@code harms} are those of the detections and the assessments together; {@code filingDetails} the latest statement
 * of each item only people can give. {@code asOf} is the point of the log the record reflects and
 * {@code lastSequence} the aggregate sequence number of the last event folded in. Lists are in the order of the
 * log; {@code grade} is the latest of {@code gradeHistory}. {@code erasures} are the erasures of responder texts,
 * which then read {@code [erased]}. {@code ledger} is the shared obligation fold the
 * obligations' states come from (not part of the JSON: {@code obligations} shows it).
 */
public record IncidentRecord(
        String incidentId,
        IncidentStatus status,
        Instant openedAt,
        Awareness awareness,
        Basis basis,
        String correlationKey,
        List<DetectionEntry> detections,
        List<HarmKind> harms,
        Triage triage,
        Assignment assignment,
        List<Measure> measures,
        Assessment assessment,
        GradeEntry grade,
        List<GradeEntry> gradeHistory,
        List<Obligation> obligations,
        List<Notification> notifications,
        Map<FilingDetail, StatedDetail> filingDetails,
        Resolution resolution,
        Closure closure,
        List<Reopening> reopenings,
        List<Note> notes,
        List<MissedDeadline> missedDeadlines,
        List<Erasure> erasures,
        Instant asOf,
        long lastSequence,
        @JsonIgnore @Schema(hidden = true) ObligationLedger ledger) {

    public IncidentRecord {
        detections = List.copyOf(detections);
        harms = List.copyOf(harms);
        measures = List.copyOf(measures);
        gradeHistory = List.copyOf(gradeHistory);
        obligations = List.copyOf(obligations);
        notifications = List.copyOf(notifications);
        filingDetails = frozen(filingDetails);
        reopenings = List.copyOf(reopenings);
        notes = List.copyOf(notes);
        missedDeadlines = List.copyOf(missedDeadlines);
        erasures = List.copyOf(erasures);
        ledger = ledger == null ? ObligationLedger.EMPTY : ledger;
    }

    /** The obligation with this id, if one was determined. */
    public Optional<Obligation> obligation(String obligationId) {
        return obligations.stream().filter(o -> o.obligationId().equals(obligationId)).findFirst();
    }

    /** The latest statement of a filing item, if responders gave one. */
    public Optional<StatedDetail> filingDetail(FilingDetail item) {
        return Optional.ofNullable(filingDetails.get(item));
    }

    /** The same record, stamped with the point of the log it reflects. */
    public IncidentRecord at(Instant pointOfLog, long sequence) {
        return new IncidentRecord(incidentId, status, openedAt, awareness, basis, correlationKey, detections, harms,
                triage, assignment, measures, assessment, grade, gradeHistory, obligations, notifications, filingDetails,
                resolution, closure, reopenings, notes, missedDeadlines, erasures, pointOfLog, sequence, ledger);
    }

    /** In the enum's order, so that the JSON is the same on every read. */
    private static Map<FilingDetail, StatedDetail> frozen(Map<FilingDetail, StatedDetail> details) {
        Map<FilingDetail, StatedDetail> copy = new EnumMap<>(FilingDetail.class);
        if (details != null) {
            copy.putAll(details);
        }
        return Collections.unmodifiableMap(copy);
    }
}
