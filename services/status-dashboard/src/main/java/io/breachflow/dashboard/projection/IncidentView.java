package io.breachflow.dashboard.projection;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dashboard's view of one incident: a row of {@code incident_view} with its rows of
 * {@code incident_obligation}, produced only by {@link IncidentProjection} and stored by {@link IncidentViewStore}.
 * Immutable: the projection changes a copy ({@link #edit()}).
 *
 * @param triage           the triage outcome, {@code null} until the incident is triaged
 * @param assignee         the responder accountable for it, {@code null} until one is assigned
 * @param grade            the CAC grade, {@code null} until graded
 * @param subjectsAffected people affected by the latest impact assessment, {@code null} until assessed
 * @param openMeasureIds   remedial measures started and not yet completed
 * @param resolvedAt       when it was resolved, {@code null} unless it is resolved or closed now
 * @param closedAt         when it was closed, {@code null} unless it is closed now
 * @param obligations      its obligations by id, withdrawn ones included (they are never removed)
 * @param lastSequence     the aggregate sequence of the last event applied; events at or below it are duplicates
 * @param lastEventAt      the business time of the last event applied
 * @param milestones       when it was first triaged, contained, reported (what the metrics measure)
 */
public record IncidentView(
        String incidentId,
        IncidentStatus status,
        HarmKind harm,
        Severity severity,
        String title,
        String sourceSystem,
        String correlationKey,
        Instant openedAt,
        int detectionsCount,
        Triage triage,
        String assignee,
        IncidentGrade grade,
        Long subjectsAffected,
        Set<String> openMeasureIds,
        Instant resolvedAt,
        Instant closedAt,
        Map<String, IncidentObligation> obligations,
        long lastSequence,
        Instant lastEventAt,
        Milestones milestones) {

    /** A view without milestones yet (an opening has none). */
    public IncidentView(String incidentId, IncidentStatus status, HarmKind harm, Severity severity, String title,
                        String sourceSystem, String correlationKey, Instant openedAt, int detectionsCount, Triage triage,
                        String assignee, IncidentGrade grade, Long subjectsAffected, Set<String> openMeasureIds,
                        Instant resolvedAt, Instant closedAt, Map<String, IncidentObligation> obligations,
                        long lastSequence, Instant lastEventAt) {
        this(incidentId, status, harm, severity, title, sourceSystem, correlationKey, openedAt, detectionsCount, triage,
                assignee, grade, subjectsAffected, openMeasureIds, resolvedAt, closedAt, obligations, lastSequence,
                lastEventAt, Milestones.NONE);
    }

    public IncidentView {
        milestones = milestones == null ? Milestones.NONE : milestones;
        // Sorted and ordered copies: equal views compare equal, and rows are written in a stable order.
        openMeasureIds = Collections.unmodifiableSet(openMeasureIds == null ? new TreeSet<>() : new TreeSet<>(openMeasureIds));
        obligations = Collections.unmodifiableMap(obligations == null ? new LinkedHashMap<>() : new LinkedHashMap<>(obligations));
    }

    /** Who triaged the incident, with what verdict and why. */
    public record Triage(TriageVerdict verdict, String rationale, String triagedBy) {
    }

    /** How many remedial measures run now (started, not completed). */
    public int openMeasures() {
        return openMeasureIds.size();
    }

    /**
     * The earliest due time of its open obligations, or {@code null} when none has a clock: a function of the
     * obligations alone (overdue is not, it needs the clock), so the list can sort by it from an index.
     */
    public Instant nextDueAt() {
        return obligations.values().stream().filter(o -> o.state() == ObligationState.OPEN && o.dueAt() != null)
                .map(IncidentObligation::dueAt).min(Instant::compareTo).orElse(null);
    }

    /** A mutable copy for the projection to change and build into the next view. */
    IncidentViewDraft edit() {
        return new IncidentViewDraft(this);
    }

    /** This view with the obligations read from their own table. */
    public IncidentView withObligations(Map<String, IncidentObligation> loaded) {
        IncidentViewDraft draft = edit();
        draft.obligations.clear();
        draft.obligations.putAll(loaded);
        return draft.build();
    }
}
