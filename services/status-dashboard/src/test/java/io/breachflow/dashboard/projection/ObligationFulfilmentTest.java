package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.dashboard.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.breachflow.contracts.incident.ObligationKind.DATA_SUBJECT_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.FINAL_REPORT;
import static io.breachflow.contracts.incident.ObligationKind.REGULATOR_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.REMEDIAL_MEASURE;
import static io.breachflow.contracts.incident.obligation.ObligationState.FULFILLED;
import static io.breachflow.contracts.incident.obligation.ObligationState.OPEN;
import static io.breachflow.contracts.incident.obligation.ObligationState.WAIVED;
import static io.breachflow.dashboard.testing.LifecycleEvents.measureStarted;
import static io.breachflow.dashboard.testing.LifecycleEvents.obligation;
import static io.breachflow.dashboard.testing.LifecycleEvents.regulatorNotified;
import static io.breachflow.dashboard.testing.LifecycleEvents.subjectsNotified;
import static io.breachflow.dashboard.testing.LifecycleEvents.waived;
import static org.assertj.core.api.Assertions.assertThat;

/** The pure projection of how obligations are settled: fulfilled by the event of their kind, or waived. */
class ObligationFulfilmentTest {

    private static final String ID = ConfirmedIncident.ID;
    private static final Instant T0 = Events.OPENED_AT;
    private static final Instant DUE = T0.plusSeconds(72 * 3_600);

    private final ConfirmedIncident incident = new ConfirmedIncident();

    @Test
    void eachKindIsFulfilledByItsOwnEvent() {
        apply(obligation(ID, "remedy", REMEDIAL_MEASURE, "the controller", DUE, T0));
        apply(obligation(ID, "remedy-2", REMEDIAL_MEASURE, "the processor", DUE, T0));
        apply(obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, T0));
        apply(obligation(ID, "subjects", DATA_SUBJECT_NOTIFICATION, "the people affected", DUE, T0));
        apply(obligation(ID, "final", FINAL_REPORT, "CAC", DUE, T0));

        apply(measureStarted(ID, "m-1", T0));
        apply(regulatorNotified(ID, "cac", ReportPhase.SUPPLEMENTARY, T0));
        apply(subjectsNotified(ID, "subjects", T0));
        apply(regulatorNotified(ID, "final", ReportPhase.INITIAL, T0));
        assertThat(find("final").state()).as("only a FINAL report fulfils a final report").isEqualTo(OPEN);
        apply(regulatorNotified(ID, "final", ReportPhase.FINAL, T0));

        assertThat(incident.view().obligations().values()).extracting(IncidentObligation::state).containsOnly(FULFILLED);
    }

    @Test
    void anEventOfAnotherKindFulfilsNothing() {
        apply(obligation(ID, "subjects", DATA_SUBJECT_NOTIFICATION, "the people affected", DUE, T0));
        apply(obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, T0));

        apply(regulatorNotified(ID, "subjects", ReportPhase.FINAL, T0));
        apply(subjectsNotified(ID, "cac", T0));
        apply(measureStarted(ID, "m-1", T0));

        assertThat(incident.view().obligations().values()).extracting(IncidentObligation::state).containsOnly(OPEN);
    }

    @Test
    void aWaiverSettlesAnOpenObligationButNotOneAlreadyFulfilled() {
        apply(obligation(ID, "subjects", DATA_SUBJECT_NOTIFICATION, "the people affected", DUE, T0));
        apply(obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, T0));
        apply(regulatorNotified(ID, "cac", ReportPhase.INITIAL, T0));

        apply(waived(ID, "subjects", T0));
        apply(waived(ID, "cac", T0));

        assertThat(find("subjects").state()).isEqualTo(WAIVED);
        assertThat(find("cac").state()).isEqualTo(FULFILLED);
    }

    private IncidentObligation find(String obligationId) {
        return incident.obligation(obligationId);
    }

    private void apply(IncidentEvent event) {
        incident.apply(event);
    }
}
