package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.RuleReference;
import io.breachflow.contracts.incident.obligation.ObligationLedger;
import io.breachflow.contracts.incident.obligation.ObligationStatus;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared {@link ObligationLedger} of an incident and the read model's rows, both ways: each row holds one
 * {@link ObligationStatus} (state, missed, waiver ground, number of determinations, latest terms) and the view the
 * two facts of the log the ledger keeps besides ({@code basis_recorded}, {@code legacy_measure_taken}), so the ledger
 * is restored as it was and the projection folds on from it. The row's {@code due_at} column is for the queries;
 * the terms keep the due time as the event gave it (PostgreSQL keeps microseconds, events nanoseconds).
 */
public final class StoredLedger {

    private StoredLedger() {
    }

    /** The obligation rows of a ledger, in the order it determined them. */
    public static Map<String, IncidentObligation> rows(ObligationLedger ledger) {
        Map<String, IncidentObligation> rows = new LinkedHashMap<>();
        ledger.obligations().forEach((id, status) -> rows.put(id, IncidentObligation.of(status)));
        return rows;
    }

    /** The ledger whose {@link #rows} are {@code stored}. */
    public static ObligationLedger restore(String incidentId, Collection<IncidentObligation> stored,
                                           boolean basisRecorded, boolean legacyMeasureTaken) {
        Map<String, ObligationStatus> obligations = new LinkedHashMap<>();
        for (IncidentObligation row : stored) {
            obligations.put(row.obligationId(), new ObligationStatus(terms(incidentId, row), row.state(), row.missed(),
                    row.waiverGround(), Math.max(1, row.determinations())));
        }
        return ObligationLedger.restore(obligations, basisRecorded, legacyMeasureTaken);
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
}
