package io.breachflow.contracts.incident.obligation;

import io.breachflow.contracts.incident.IncidentEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.breachflow.contracts.incident.obligation.IncidentLog.AVOIDS_HARM;
import static io.breachflow.contracts.incident.obligation.IncidentLog.T0;
import static io.breachflow.contracts.incident.obligation.ObligationState.WAIVED;

/**
 * The table every reader of obligations is held to: whole incident logs (opening first, events in order, each with
 * its business time) and how each obligation stands after them. The contracts' ledger test folds them; the workflow's
 * and the dashboard's {@code ReadersAgreeTest} feed the same logs to the aggregate, the history and the dashboard's
 * projection, so that a reader that folds obligations its own way fails on the case where it differs.
 *
 * <p>Two kinds of log: those the workflow writes now ({@code IncidentBasisRecorded} after the opening, fulfilment
 * recorded as {@code ObligationFulfilled}) and old ones without a basis, whose fulfilment readers derive from the
 * reports, notices and measures, as the workflow decided then.
 */
public final class ObligationStreams {

    static final String CAC_REPORT = "cac-incident-reporting/initial-report";
    static final String CAC_FINAL = "cac-incident-reporting/final-report";
    static final String PIPL_SUBJECTS = "pipl/art57-data-subjects";
    static final String REMEDIAL = "decision-2012/art4-remedial";
    static final String REMEDIAL_PIPL = "pipl/art57-remedial";

    static final Instant DUE_1H = T0.plus(Duration.ofHours(1));
    static final Instant DUE_2H = T0.plus(Duration.ofHours(2));
    static final Instant DUE_4H = T0.plus(Duration.ofHours(4));
    static final Instant DUE_8H = T0.plus(Duration.ofHours(8));
    static final Instant DUE_30H = T0.plus(Duration.ofHours(30));

    /**
     * How one obligation stands after a log.
     *
     * @param missed       a {@code DeadlineMissed} stands for its current due time
     * @param dueAt        its current due time (none: {@code null})
     * @param waiverGround the ground of the waiver that stands, while WAIVED
     */
    public record Expected(ObligationState state, boolean missed, Instant dueAt, String waiverGround) {
        @Override
        public String toString() {
            return state + (missed ? " missed" : "") + " due " + dueAt + (waiverGround == null ? "" : " on " + waiverGround);
        }
    }

    /** One incident's whole log and how each of its obligations (by id, in the order first determined) stands after it. */
    public record Case(String name, List<IncidentEvent> log, Map<String, Expected> expected) {
        public Case {
            log = List.copyOf(log);
            expected = Collections.unmodifiableMap(new LinkedHashMap<>(expected));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private ObligationStreams() {
    }

    public static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(RecordedDecisionCases.cases());
        cases.addAll(LegacyCases.cases());
        cases.addAll(DisagreementCases.cases());
        return List.copyOf(cases);
    }

    @SafeVarargs
    static Case of(String name, IncidentLog log, Map.Entry<String, Expected>... expected) {
        Map<String, Expected> obligations = new LinkedHashMap<>();
        for (Map.Entry<String, Expected> entry : expected) {
            obligations.put(entry.getKey(), entry.getValue());
        }
        return new Case(name, log.events(), obligations);
    }

    static Map.Entry<String, Expected> stands(String obligationId, ObligationState state, Instant dueAt) {
        return Map.entry(obligationId, new Expected(state, false, dueAt, null));
    }

    static Map.Entry<String, Expected> standsMissed(String obligationId, ObligationState state, Instant dueAt) {
        return Map.entry(obligationId, new Expected(state, true, dueAt, null));
    }

    static Map.Entry<String, Expected> waivedOnItsGround(String obligationId, Instant dueAt) {
        return Map.entry(obligationId, new Expected(WAIVED, false, dueAt, AVOIDS_HARM.id()));
    }
}
