package io.breachflow.dashboard.projection;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Instant;
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.ErasureGround;
import io.breachflow.contracts.incident.obligation.ObligationLedger;
import io.breachflow.contracts.incident.obligation.ObligationStatus;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dashboard's view of one incident: a row of {@code incident_view} with its rows of
 * {@code incident_obligation}, produced only by {@link IncidentProjection} and stored by {@link IncidentViewStore}.
 * Immutable: the projection changes a copy ({@link #edit()}). Its obligations are the shared contracts
 * {@link ObligationLedger}, folded from the same events as in the workflow; {@link #obligations()} are its rows.
 *
 * @param triage             the triage outcome, {@code null} until the incident is triaged
 * @param assignee           the responder accountable for it, {@code null} until one is assigned; sealed as the event
 *                           gave it (open it with the incident's key ring to show it)
 * @param assigneeTag        the keyed hash of the assignee that the list filters by, {@code null} until one is assigned
 *                           and for assignments written before the tag was kept
 * @param grade              the CAC grade, {@code null} until graded
 * @param subjectsAffected   people affected by the latest impact assessment, {@code null} until assessed
 * @param openMeasureIds     remedial measures started and not yet completed
 * @param resolvedAt         when it was resolved, {@code null} unless it is resolved or closed now
 * @param closedAt           when it was closed, {@code null} unless it is closed now
 * @param ledger             its obligations, withdrawn ones included (they are never removed)
 * @param lastSequence       the aggregate sequence of the last event applied; events at or below it are duplicates
 * @param lastEventAt        the business time of the last event applied
 * @param milestones         when it was first triaged, contained, reported (what the metrics measure)
 * @param awareness          awareness and the times of the opening detection
 * @param harms              every harm its detections reported or an assessment found (they accumulate)
 * @param erasure            when and why its personal data was erased, {@code null} until it is
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
        String assigneeTag,
        IncidentGrade grade,
        Long subjectsAffected,
        Set<String> openMeasureIds,
        Instant resolvedAt,
        Instant closedAt,
        ObligationLedger ledger,
        long lastSequence,
        Instant lastEventAt,
        Milestones milestones,
        Awareness awareness,
        Set<HarmKind> harms,
        Erasure erasure) {

    public IncidentView {
        milestones = milestones == null ? Milestones.NONE : milestones;
        awareness = awareness == null ? Awareness.UNKNOWN : awareness;
        ledger = ledger == null ? ObligationLedger.EMPTY : ledger;
        // Sorted and ordered copies: equal views compare equal, and rows are written in a stable order.
        openMeasureIds = Collections.unmodifiableSet(openMeasureIds == null ? new TreeSet<>() : new TreeSet<>(openMeasureIds));
        EnumSet<HarmKind> allHarms = EnumSet.noneOf(HarmKind.class);
        if (harms != null) {
            allHarms.addAll(harms);
        }
        if (harm != null) {
            allHarms.add(harm);
        }
        harms = Collections.unmodifiableSet(allHarms);
    }

    /**
     * When the organisation became aware of the breach, from which every legal clock runs, and the times of the
     * opening detection.
     *
     * @param awareAt         as the latest {@code IncidentBasisRecorded} states it; {@code null} until one is recorded
     *                        (incidents recorded before awareness was: their clocks ran from the opening)
     * @param awarenessFrom   which time of a detection counts, per the incident's profile; {@code null} with awareAt
     * @param firstReceivedAt when Breachflow's intake received the opening detection; {@code null} in older events
     * @param firstObservedAt when the alerting system saw the opening detection
     */
    public record Awareness(Instant awareAt, AwarenessSource awarenessFrom, Instant firstReceivedAt,
                            Instant firstObservedAt) {

        public static final Awareness UNKNOWN = new Awareness(null, null, null, null);
    }

    /** Its personal data was erased ({@code PersonalDataErased}): its sealed texts read as erased from then on. */
    public record Erasure(Instant erasedAt, ErasureGround ground) {
    }

    /** Who triaged the incident, with what verdict and why (the rationale sealed as the event gave it). */
    public record Triage(TriageVerdict verdict, String rationale, String triagedBy) {
    }

    /** Its log has an {@code IncidentBasisRecorded}: the ledger folds recorded fulfilments only (stored with the row). */
    public boolean basisRecorded() {
        return ledger.recordsFulfilment();
    }

    /** A remedial measure was started before any basis: the ledger's legacy mode keeps it (stored with the row). */
    public boolean legacyMeasureTaken() {
        return ledger.legacyMeasureTaken();
    }

    /** Its obligations as rows, by id, in the order they were first determined. */
    public Map<String, IncidentObligation> obligations() {
        return Collections.unmodifiableMap(StoredLedger.rows(ledger));
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
        return ledger.obligations().values().stream().filter(o -> o.open() && o.dueAt() != null)
                .map(ObligationStatus::dueAt).min(Instant::compareTo).orElse(null);
    }

    /** A mutable copy for the projection to change and build into the next view. */
    IncidentViewDraft edit() {
        return new IncidentViewDraft(this);
    }

    /** This view with the obligations read from their own table (the ledger rebuilt from them). */
    public IncidentView withObligations(Map<String, IncidentObligation> loaded) {
        IncidentViewDraft draft = edit();
        draft.ledger = StoredLedger.restore(incidentId, loaded.values(), basisRecorded(), legacyMeasureTaken());
        return draft.build();
    }
}
