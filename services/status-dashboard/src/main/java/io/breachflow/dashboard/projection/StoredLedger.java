package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.ObligationFulfilled;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.RuleReference;
import io.breachflow.contracts.incident.WaiverRevoked;
import io.breachflow.contracts.incident.obligation.ObligationLedger;
import io.breachflow.contracts.incident.obligation.ObligationState;
import io.breachflow.contracts.incident.obligation.ObligationStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared {@link ObligationLedger} of an incident, rebuilt from what the read model stores: its obligation rows
 * (state, missed, waiver ground, number of determinations, latest terms) and the two facts of its log the ledger
 * keeps besides ({@code basis_recorded}, {@code legacy_measure_taken}). The ledger can only be made by folding
 * events, so this folds a short synthetic log that leads to exactly the stored state, and checks that it did:
 * <ol>
 *   <li>per obligation: its terms, determined as often as they were; then how it was settled (fulfilled, waived on
 *       its ground, withdrawn) and its miss;</li>
 *   <li>a remedial measure, if one was started before any basis (it fulfils no obligation here: an open remedial
 *       duty waits, waived, until it is revoked in step 3);</li>
 *   <li>the basis, if the log has one (last, so that steps 1 and 2 are folded alike in both modes).</li>
 * </ol>
 * The synthetic events never leave this class.
 */
public final class StoredLedger {

    private static final String SYNTHETIC = "dashboard-restore";

    private StoredLedger() {
    }

    /** The obligation rows of a ledger, in the order it determined them. */
    public static Map<String, IncidentObligation> rows(ObligationLedger ledger) {
        Map<String, IncidentObligation> rows = new LinkedHashMap<>();
        ledger.obligations().forEach((id, status) -> rows.put(id, IncidentObligation.of(status)));
        return rows;
    }

    /**
     * The ledger whose {@link #rows} are {@code stored}.
     *
     * @throws IllegalStateException if the rows cannot have come from a ledger (a corrupt read model)
     */
    public static ObligationLedger restore(String incidentId, Collection<IncidentObligation> stored,
                                           boolean basisRecorded, boolean legacyMeasureTaken) {
        List<IncidentEvent> log = new ArrayList<>();
        List<IncidentEvent> afterMeasure = new ArrayList<>();
        for (IncidentObligation row : stored) {
            NotificationObligationDetermined terms = terms(incidentId, row);
            for (int i = 0; i < Math.max(1, row.determinations()); i++) {
                log.add(terms);
            }
            String id = row.obligationId();
            List<IncidentEvent> settling = row.state() == ObligationState.OPEN && legacyMeasureTaken
                    && row.kind() == ObligationKind.REMEDIAL_MEASURE ? afterMeasure : log;
            switch (row.state()) {
                case OPEN -> {
                    if (settling == afterMeasure) { // kept from the legacy measure's fulfilment, reopened after it
                        log.add(new NotificationWaived(incidentId, id, SYNTHETIC, SYNTHETIC, null, null, null));
                        afterMeasure.add(new WaiverRevoked(incidentId, id, SYNTHETIC, SYNTHETIC, null));
                    }
                }
                case FULFILLED -> log.add(new ObligationFulfilled(incidentId, id, SYNTHETIC, null, null));
                case WAIVED -> log.add(new NotificationWaived(incidentId, id, SYNTHETIC, SYNTHETIC, null,
                        row.waiverGround(), null));
                case WITHDRAWN -> log.add(new NotificationObligationWithdrawn(incidentId, id, SYNTHETIC, null, null));
            }
            if (row.missed()) {
                settling.add(new DeadlineMissed(incidentId, id, SYNTHETIC, terms.dueAt(), null));
            }
        }
        if (legacyMeasureTaken) {
            log.add(new RemedialMeasureStarted(incidentId, SYNTHETIC, null, SYNTHETIC, SYNTHETIC, null));
        }
        log.addAll(afterMeasure);
        if (basisRecorded) {
            log.add(new IncidentBasisRecorded(incidentId, null, null, null, null, SYNTHETIC, SYNTHETIC, null));
        }
        ObligationLedger ledger = ObligationLedger.of(log);
        for (IncidentObligation row : stored) {
            ObligationStatus status = ledger.get(row.obligationId()).orElse(null);
            IncidentObligation restored = status == null ? null : IncidentObligation.of(status);
            if (!row.equals(restored) && !(row.terms() == null && sameState(row, restored))) {
                throw new IllegalStateException("obligation " + row.obligationId() + " of incident " + incidentId
                        + " is stored as " + row + ", which no obligation ledger holds (restored " + restored + ")");
            }
        }
        return ledger;
    }

    /** Its terms; rows written before the terms were stored get them from their own columns. */
    private static NotificationObligationDetermined terms(String incidentId, IncidentObligation row) {
        if (row.terms() != null) {
            return row.terms();
        }
        RuleReference rule = row.citation() == null ? null : new RuleReference(null, null, null, row.citation());
        return new NotificationObligationDetermined(incidentId, row.obligationId(), rule, row.kind(), row.recipient(),
                row.dueAt(), List.of(), null, null, List.of());
    }

    private static boolean sameState(IncidentObligation row, IncidentObligation restored) {
        return restored != null && row.state() == restored.state() && row.missed() == restored.missed()
                && java.util.Objects.equals(row.dueAt(), restored.dueAt())
                && java.util.Objects.equals(row.waiverGround(), restored.waiverGround());
    }
}
