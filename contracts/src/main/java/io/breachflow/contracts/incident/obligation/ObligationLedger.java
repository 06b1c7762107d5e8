package io.breachflow.contracts.incident.obligation;

import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.ObligationFulfilled;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.WaiverRevoked;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one model of an incident's obligations: a pure, immutable fold of its events, used alike by the workflow's
 * aggregate, its history and filings, and the dashboard, so that they cannot disagree. It folds decisions the
 * workflow recorded; it decides nothing itself:
 * <ul>
 *   <li>{@code NotificationObligationDetermined}: a new obligation is OPEN; a later one with the same id replaces the
 *       terms and keeps what was done (a withdrawn one applies again); a recorded miss stays only while the due time
 *       stays the same (a new due time is a new clock);</li>
 *   <li>{@code ObligationFulfilled}, {@code NotificationWaived}, {@code NotificationObligationWithdrawn} settle an
 *       OPEN obligation; {@code WaiverRevoked} reopens a WAIVED one (its new clock follows in a determination);</li>
 *   <li>{@code DeadlineMissed} marks the obligation missed if it names its current due time (a stale clock's miss
 *       does not make a moved deadline overdue).</li>
 * </ul>
 * Incidents recorded before fulfilment was an event of its own (their log has no {@link IncidentBasisRecorded})
 * are folded as the workflow decided then: a report, a notice or the first remedial measure met the obligations of
 * their kind. That derivation is applied to those old logs only.
 */
public final class ObligationLedger {

    public static final ObligationLedger EMPTY = new ObligationLedger(Map.of(), false, false);

    private final Map<String, ObligationStatus> obligations;
    /** True once the log shows the workflow records its decisions ({@code IncidentBasisRecorded}). */
    private final boolean recordsFulfilment;
    /** For old logs only: a remedial measure was started, which met every remedial duty, even later ones. */
    private final boolean legacyMeasureTaken;

    private ObligationLedger(Map<String, ObligationStatus> obligations, boolean recordsFulfilment, boolean legacyMeasureTaken) {
        this.obligations = Collections.unmodifiableMap(new LinkedHashMap<>(obligations));
        this.recordsFulfilment = recordsFulfilment;
        this.legacyMeasureTaken = legacyMeasureTaken;
    }

    /** Folds a whole log (or part of one) from the empty ledger. */
    public static ObligationLedger of(List<? extends IncidentEvent> events) {
        ObligationLedger ledger = EMPTY;
        for (IncidentEvent event : events) {
            ledger = ledger.apply(event);
        }
        return ledger;
    }

    /**
     * A ledger as a reader kept it between events (the dashboard keeps it in its rows): its obligations and the two
     * facts of the log it keeps besides, as {@link #recordsFulfilment()} and {@link #legacyMeasureTaken()} gave them.
     * Folding on from it is folding on from where it was.
     */
    public static ObligationLedger restore(Map<String, ObligationStatus> obligations, boolean recordsFulfilment,
                                           boolean legacyMeasureTaken) {
        return new ObligationLedger(obligations, recordsFulfilment, legacyMeasureTaken);
    }

    /** Whether the log showed that the workflow records its decisions (an {@code IncidentBasisRecorded}). */
    public boolean recordsFulfilment() {
        return recordsFulfilment;
    }

    /** For old logs only: whether a remedial measure was started, which met every remedial duty. */
    public boolean legacyMeasureTaken() {
        return legacyMeasureTaken;
    }

    /** Obligations by id, in the order they were first determined. */
    public Map<String, ObligationStatus> obligations() {
        return obligations;
    }

    public Optional<ObligationStatus> get(String obligationId) {
        return Optional.ofNullable(obligations.get(obligationId));
    }

    /** The ledger after one more event of the incident; this one is unchanged. Events of other kinds change nothing. */
    public ObligationLedger apply(IncidentEvent event) {
        if (event instanceof IncidentBasisRecorded) {
            return recordsFulfilment ? this : new ObligationLedger(obligations, true, legacyMeasureTaken);
        }
        if (event instanceof NotificationObligationDetermined e) {
            return determined(e);
        }
        if (event instanceof ObligationFulfilled e) {
            return settle(e.obligationId(), ObligationState.OPEN, ObligationState.FULFILLED, null);
        }
        if (event instanceof NotificationWaived e) {
            return settle(e.obligationId(), ObligationState.OPEN, ObligationState.WAIVED, e.ground());
        }
        if (event instanceof NotificationObligationWithdrawn e) {
            return settle(e.obligationId(), ObligationState.OPEN, ObligationState.WITHDRAWN, null);
        }
        if (event instanceof WaiverRevoked e) {
            return settle(e.obligationId(), ObligationState.WAIVED, ObligationState.OPEN, null);
        }
        if (event instanceof DeadlineMissed e) {
            return missed(e);
        }
        return recordsFulfilment ? this : legacyFulfilment(event);
    }

    private ObligationLedger determined(NotificationObligationDetermined e) {
        ObligationStatus earlier = obligations.get(e.obligationId());
        ObligationStatus next;
        if (earlier == null) {
            next = new ObligationStatus(e, ObligationState.OPEN, false, null, 1);
        } else {
            ObligationState state = earlier.state() == ObligationState.WITHDRAWN ? ObligationState.OPEN : earlier.state();
            boolean sameClock = Objects.equals(earlier.dueAt(), e.dueAt());
            next = new ObligationStatus(e, state, sameClock && earlier.missed(),
                    state == ObligationState.WAIVED ? earlier.waiverGround() : null, earlier.determinations() + 1);
        }
        if (!recordsFulfilment && legacyMeasureTaken && next.open() && next.kind() == ObligationKind.REMEDIAL_MEASURE) {
            next = next.in(ObligationState.FULFILLED, null);
        }
        return with(next);
    }

    private ObligationLedger settle(String obligationId, ObligationState from, ObligationState to, String ground) {
        ObligationStatus status = obligations.get(obligationId);
        if (status == null || status.state() != from) {
            return this;
        }
        ObligationStatus next = status.in(to, ground);
        // A reopened duty gets a new clock; the miss of the old one stays in the log, not on the duty.
        return with(to == ObligationState.OPEN ? new ObligationStatus(next.terms(), to, false, null, next.determinations()) : next);
    }

    private ObligationLedger missed(DeadlineMissed e) {
        ObligationStatus status = obligations.get(e.obligationId());
        // A miss that names a due time counts only for that clock: not for a moved one, nor for one since dropped.
        if (status == null || e.dueAt() != null && !e.dueAt().equals(status.dueAt())) {
            return this;
        }
        return with(status.markedMissed());
    }

    private ObligationLedger legacyFulfilment(IncidentEvent event) {
        if (event instanceof RemedialMeasureStarted) {
            ObligationLedger next = new ObligationLedger(obligations, false, true);
            return next.fulfilAll(ObligationKind.REMEDIAL_MEASURE);
        }
        if (event instanceof RegulatorNotified e) {
            ObligationStatus status = obligations.get(e.obligationId());
            boolean answers = status != null && (status.kind() == ObligationKind.REGULATOR_NOTIFICATION
                    || status.kind() == ObligationKind.FINAL_REPORT && e.phase() == ReportPhase.FINAL);
            return answers ? settle(e.obligationId(), ObligationState.OPEN, ObligationState.FULFILLED, null) : this;
        }
        if (event instanceof DataSubjectsNotified e) {
            ObligationStatus status = obligations.get(e.obligationId());
            return status != null && status.kind() == ObligationKind.DATA_SUBJECT_NOTIFICATION
                    ? settle(e.obligationId(), ObligationState.OPEN, ObligationState.FULFILLED, null) : this;
        }
        return this;
    }

    private ObligationLedger fulfilAll(ObligationKind kind) {
        Map<String, ObligationStatus> next = new LinkedHashMap<>(obligations);
        next.replaceAll((id, o) -> o.open() && o.kind() == kind ? o.in(ObligationState.FULFILLED, null) : o);
        return new ObligationLedger(next, recordsFulfilment, legacyMeasureTaken);
    }

    private ObligationLedger with(ObligationStatus status) {
        Map<String, ObligationStatus> next = new LinkedHashMap<>(obligations);
        next.put(status.obligationId(), status);
        return new ObligationLedger(next, recordsFulfilment, legacyMeasureTaken);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObligationLedger ledger && obligations.equals(ledger.obligations)
                && recordsFulfilment == ledger.recordsFulfilment && legacyMeasureTaken == ledger.legacyMeasureTaken;
    }

    @Override
    public int hashCode() {
        return Objects.hash(obligations, recordsFulfilment, legacyMeasureTaken);
    }
}
