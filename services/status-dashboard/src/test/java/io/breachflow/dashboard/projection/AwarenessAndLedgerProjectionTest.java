package io.breachflow.dashboard.projection;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.contracts.incident.obligation.ObligationLedger;
import io.breachflow.dashboard.projection.IncidentProjection.ObligationOutcome;
import io.breachflow.dashboard.testing.DashboardObligations;
import io.breachflow.dashboard.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.breachflow.contracts.incident.ObligationKind.DATA_SUBJECT_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.REGULATOR_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.REMEDIAL_MEASURE;
import static io.breachflow.contracts.incident.obligation.ObligationState.FULFILLED;
import static io.breachflow.contracts.incident.obligation.ObligationState.OPEN;
import static io.breachflow.contracts.incident.obligation.ObligationState.WAIVED;
import static io.breachflow.dashboard.testing.LifecycleEvents.basis;
import static io.breachflow.dashboard.testing.LifecycleEvents.filingDetails;
import static io.breachflow.dashboard.testing.LifecycleEvents.fulfilled;
import static io.breachflow.dashboard.testing.LifecycleEvents.measureStarted;
import static io.breachflow.dashboard.testing.LifecycleEvents.missed;
import static io.breachflow.dashboard.testing.LifecycleEvents.obligation;
import static io.breachflow.dashboard.testing.LifecycleEvents.oneOfEach;
import static io.breachflow.dashboard.testing.LifecycleEvents.regulatorNotified;
import static io.breachflow.dashboard.testing.LifecycleEvents.waivedOnGround;
import static io.breachflow.dashboard.testing.LifecycleEvents.waiverRevoked;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 in the pure projection: awareness, harms, the new events, and obligations folded by the shared contracts
 * ledger, including the three cases where the dashboard's own derivation used to disagree with the workflow.
 */
class AwarenessAndLedgerProjectionTest {

    private static final String ID = "inc-8";
    private static final Instant T0 = Events.OPENED_AT;
    private static final Instant RECEIVED = T0.minusSeconds(600); // a backlog: processed ten minutes after receipt
    private static final Instant DUE = RECEIVED.plusSeconds(72 * 3_600);

    private static IncidentOpened opened() {
        return new IncidentOpened(ID, "alertmanager:crm-db:email", T0, "det-0", "alertmanager", "fp-0",
                HarmKind.DISCLOSURE, Severity.HIGH, "CRM export reachable", RECEIVED.minusSeconds(5), List.of("crm-db"),
                List.of("email"), RECEIVED);
    }

    private static List<IncidentEvent> log(IncidentEvent... events) {
        List<IncidentEvent> log = new ArrayList<>();
        log.add(opened());
        log.add(basis(ID, RECEIVED, "opening", T0));
        log.addAll(List.of(events));
        return log;
    }

    private static IncidentView replay(List<IncidentEvent> log) {
        IncidentView view = IncidentProjection.replay(log, false);
        assertThat(IncidentProjection.replay(log, true)).as("the same view after a reload from its rows at every event")
                .isEqualTo(view);
        assertThat(view.ledger()).as("exactly the contracts ledger of the log").isEqualTo(ObligationLedger.of(log));
        return view;
    }

    @Test
    void theBasisSetsAwarenessAndTheOpeningKeepsItsDetectionsTimes() {
        IncidentView view = replay(log());

        assertThat(view.openedAt()).isEqualTo(T0);
        assertThat(view.awareness()).isEqualTo(new IncidentView.Awareness(RECEIVED, AwarenessSource.RECEIPT, RECEIVED,
                RECEIVED.minusSeconds(5)));
        assertThat(view.basisRecorded()).isTrue();

        Instant earlier = RECEIVED.minusSeconds(3_600);
        IncidentView movedBack = replay(log(basis(ID, earlier, "earlier detection det-3", T0.plusSeconds(60))));
        assertThat(movedBack.awareness().awareAt()).isEqualTo(earlier);
        assertThat(movedBack.awareness().firstReceivedAt()).as("still the opening detection's").isEqualTo(RECEIVED);
    }

    @Test
    void anIncidentOpenedBeforeReceiptsWereKeptHasNoAwarenessYet() {
        IncidentView view = IncidentProjection.replay(List.of(Events.opened(ID, Severity.LOW)), true);

        assertThat(view.awareness().awareAt()).isNull();
        assertThat(view.awareness().firstReceivedAt()).isNull();
        assertThat(view.basisRecorded()).isFalse();
    }

    @Test
    void harmsAccumulateFromDetectionsAndAssessments() {
        DetectionCorrelated lost = new DetectionCorrelated(ID, "det-1", "grafana", "fp-1", HarmKind.LOSS, Severity.LOW,
                "backup gone", T0, T0.plusSeconds(60), List.of(), List.of(), T0);
        ImpactAssessed tampering = new ImpactAssessed(ID, List.of("email"), 10, 10, false, false, List.of("CN"),
                "little", "dpo@example.org", T0.plusSeconds(120), List.of(HarmKind.TAMPERING), true, Map.of("CN-31", 10L));
        ImpactAssessed silent = new ImpactAssessed(ID, List.of("email"), 12, 12, false, false, List.of("CN"),
                "little", "dpo@example.org", T0.plusSeconds(180));

        IncidentView view = replay(log(lost, tampering, silent));

        assertThat(view.harms()).containsExactlyInAnyOrder(HarmKind.DISCLOSURE, HarmKind.LOSS, HarmKind.TAMPERING);
        assertThat(view.harm()).as("the opening's harm").isEqualTo(HarmKind.DISCLOSURE);
        assertThat(view.subjectsAffected()).isEqualTo(12);
    }

    @Test
    void withABasisOnlyARecordedFulfilmentFulfils() {
        List<IncidentEvent> log = log(obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, T0),
                regulatorNotified(ID, "cac", ReportPhase.INITIAL, T0.plusSeconds(60)));
        assertThat(replay(log).obligations().get("cac").state()).isEqualTo(OPEN);

        log.add(fulfilled(ID, "cac", "RegulatorNotified", T0.plusSeconds(61)));
        assertThat(replay(log).obligations().get("cac").state()).isEqualTo(FULFILLED);
    }

    @Test
    void aRevokedWaiverOpensTheObligationAgainUntilItsNewClockIsDetermined() {
        List<IncidentEvent> log = log(obligation(ID, "subjects", DATA_SUBJECT_NOTIFICATION, "people", DUE, T0),
                waivedOnGround(ID, "subjects", "measures-avoid-harm", T0.plusSeconds(60)));
        IncidentObligation waived = replay(log).obligations().get("subjects");
        assertThat(waived.state()).isEqualTo(WAIVED);
        assertThat(waived.waiverGround()).isEqualTo("measures-avoid-harm");

        Instant newDue = T0.plus(java.time.Duration.ofDays(5));
        log.add(waiverRevoked(ID, "subjects", T0.plusSeconds(120)));
        log.add(obligation(ID, "subjects", DATA_SUBJECT_NOTIFICATION, "people", newDue, T0.plusSeconds(121)));
        IncidentObligation owed = replay(log).obligations().get("subjects");
        assertThat(owed.state()).isEqualTo(OPEN);
        assertThat(owed.waiverGround()).isNull();
        assertThat(owed.dueAt()).isEqualTo(newDue);
        assertThat(owed.determinations()).isEqualTo(2);
    }

    @Test
    void filingDetailsOnlyReachTheTimeline() {
        IncidentView before = replay(log());
        IncidentView after = replay(log(filingDetails(ID, T0.plusSeconds(60))));

        assertThat(after.lastSequence()).isEqualTo(before.lastSequence() + 1);
        assertThat(after.ledger()).isEqualTo(before.ledger());
        assertThat(after.harms()).isEqualTo(before.harms());
    }

    // The three cases where the dashboard's own derivation disagreed with the workflow.

    @Test
    void formerDisagreementTheMissOfAClockThatARedeterminationMoved() {
        Instant later = DUE.plusSeconds(86_400);
        List<IncidentEvent> log = log(obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, T0),
                missed(ID, "cac", DUE, DUE),
                obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, DUE.plusSeconds(1)),
                obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", later, DUE.plusSeconds(2)));

        assertThat(DashboardObligations.dashboard(log)).isEqualTo(DashboardObligations.ledger(log))
                .containsExactly(Map.entry("cac", new ObligationOutcome(OPEN, false, later)));
        assertThat(DashboardObligations.dashboard(log.subList(0, 5)))
                .as("a re-determination with the same due time keeps the miss")
                .containsExactly(Map.entry("cac", new ObligationOutcome(OPEN, true, DUE)));
    }

    @Test
    void formerDisagreementARemedialDutyDeterminedAfterAMeasure() {
        List<IncidentEvent> legacy = new ArrayList<>(List.of(Events.opened(ID, Severity.HIGH),
                Events.triaged(ID, TriageVerdict.CONFIRMED, "real"), measureStarted(ID, "m-1", T0),
                obligation(ID, "remedy", REMEDIAL_MEASURE, "the controller", DUE, T0.plusSeconds(60))));
        assertThat(DashboardObligations.dashboard(legacy)).as("an old log: the measure already met it")
                .isEqualTo(DashboardObligations.ledger(legacy))
                .containsExactly(Map.entry("remedy", new ObligationOutcome(FULFILLED, false, DUE)));

        List<IncidentEvent> recorded = log(measureStarted(ID, "m-1", T0),
                obligation(ID, "remedy", REMEDIAL_MEASURE, "the controller", DUE, T0.plusSeconds(60)),
                fulfilled(ID, "remedy", "RemedialMeasureStarted", T0.plusSeconds(60)));
        assertThat(DashboardObligations.dashboard(recorded)).isEqualTo(DashboardObligations.ledger(recorded))
                .containsExactly(Map.entry("remedy", new ObligationOutcome(FULFILLED, false, DUE)));
    }

    @Test
    void formerDisagreementAStaleDeadlineMissed() {
        Instant later = DUE.plusSeconds(86_400);
        List<IncidentEvent> log = log(obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, T0),
                obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", later, T0.plusSeconds(60)),
                missed(ID, "cac", DUE, DUE)); // the old clock fired before it was cancelled

        assertThat(DashboardObligations.dashboard(log)).isEqualTo(DashboardObligations.ledger(log))
                .containsExactly(Map.entry("cac", new ObligationOutcome(OPEN, false, later)));
    }

    @Test
    void theWholeLifecycleGivesExactlyTheLedgersStates() {
        List<IncidentEvent> log = oneOfEach(ID);

        IncidentView view = replay(log);

        assertThat(DashboardObligations.dashboard(log)).isEqualTo(DashboardObligations.ledger(log));
        assertThat(view.basisRecorded()).isTrue();
        assertThat(view.legacyMeasureTaken()).isTrue();
    }

    @Test
    void storedRowsGiveBackTheLedgerInEveryState() {
        // Legacy measure, then a basis: a remedial duty reopened after the measure must stay open when reloaded.
        List<IncidentEvent> log = new ArrayList<>(List.of(Events.opened(ID, Severity.HIGH),
                obligation(ID, "remedy", REMEDIAL_MEASURE, "the controller", DUE, T0),
                waivedOnGround(ID, "remedy", "g", T0), measureStarted(ID, "m-1", T0),
                waiverRevoked(ID, "remedy", T0), missed(ID, "remedy", DUE, DUE),
                obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, T0), missed(ID, "cac", DUE, DUE),
                waivedOnGround(ID, "cac", "measures-avoid-harm", T0), basis(ID, RECEIVED, "DPO re-based it", T0)));

        IncidentView view = replay(log);

        assertThat(view.obligations().get("remedy")).extracting(IncidentObligation::state, IncidentObligation::missed)
                .containsExactly(OPEN, true);
        assertThat(view.obligations().get("cac")).extracting(IncidentObligation::state, IncidentObligation::missed,
                IncidentObligation::waiverGround).containsExactly(WAIVED, true, "measures-avoid-harm");
    }
}
