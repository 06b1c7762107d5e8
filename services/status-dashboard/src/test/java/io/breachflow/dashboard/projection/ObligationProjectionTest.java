package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.dashboard.testing.Events;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.breachflow.contracts.incident.ObligationKind.DATA_SUBJECT_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.REGULATOR_NOTIFICATION;
import static io.breachflow.contracts.incident.obligation.ObligationState.FULFILLED;
import static io.breachflow.contracts.incident.obligation.ObligationState.OPEN;
import static io.breachflow.contracts.incident.obligation.ObligationState.WITHDRAWN;
import static io.breachflow.dashboard.testing.LifecycleEvents.missed;
import static io.breachflow.dashboard.testing.LifecycleEvents.obligation;
import static io.breachflow.dashboard.testing.LifecycleEvents.regulatorNotified;
import static io.breachflow.dashboard.testing.LifecycleEvents.waived;
import static io.breachflow.dashboard.testing.LifecycleEvents.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure projection of obligations: determined, replaced by a re-determination, withdrawn, missed. */
class ObligationProjectionTest {

    private static final String ID = ConfirmedIncident.ID;
    private static final Instant T0 = Events.OPENED_AT;
    private static final Instant DUE = T0.plusSeconds(72 * 3_600);

    private final ConfirmedIncident incident = new ConfirmedIncident();

    @Test
    void aDeterminationAddsAnOpenObligationWithItsTerms() {
        apply(obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, T0));

        NotificationObligationDetermined terms = obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, T0);
        assertThat(incident.view().obligations()).containsExactly(Map.entry("cac",
                new IncidentObligation("cac", REGULATOR_NOTIFICATION, "CAC", "PIPL Art. 57", DUE, OPEN, false, null, 1,
                        terms)));
        assertThat(find("cac").overdueAt(DUE.minusSeconds(1))).isFalse();
        assertThat(find("cac").overdueAt(DUE.plusSeconds(1))).isTrue();
    }

    @Test
    void aReDeterminationReplacesTheTermsAndANewDueTimeForgetsTheMiss() {
        apply(obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, T0));
        apply(missed(ID, "cac", DUE, DUE));
        assertThat(find("cac").missed()).isTrue();

        Instant later = DUE.plusSeconds(3_600 * 24);
        NotificationObligationDetermined terms = obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC Beijing", later,
                DUE.plusSeconds(5));
        apply(terms);

        assertThat(incident.view().obligations()).hasSize(1);
        assertThat(find("cac")).isEqualTo(new IncidentObligation("cac", REGULATOR_NOTIFICATION, "CAC Beijing",
                "PIPL Art. 57", later, OPEN, false, null, 2, terms));
    }

    @Test
    void aReDeterminationKeepsWhatWasDoneButRevivesAWithdrawnObligation() {
        apply(obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, T0));
        apply(obligation(ID, "subjects", DATA_SUBJECT_NOTIFICATION, "the people affected", DUE, T0));
        apply(regulatorNotified(ID, "cac", ReportPhase.INITIAL, T0));
        apply(withdrawn(ID, "subjects", T0));

        apply(obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE.plusSeconds(60), T0));
        apply(obligation(ID, "subjects", DATA_SUBJECT_NOTIFICATION, "the people affected", DUE.plusSeconds(60), T0));

        assertThat(find("cac").state()).isEqualTo(FULFILLED);
        assertThat(find("subjects").state()).isEqualTo(OPEN);
    }

    @Test
    void aWithdrawalStopsTheClockAndKeepsTheObligation() {
        apply(obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, T0));

        apply(withdrawn(ID, "cac", T0));

        assertThat(find("cac").state()).isEqualTo(WITHDRAWN);
        assertThat(find("cac").overdueAt(DUE.plusSeconds(1))).isFalse();
    }

    @Test
    void aMissedClockMakesTheObligationOverdueUntilItIsSettled() {
        apply(obligation(ID, "cac", REGULATOR_NOTIFICATION, "CAC", DUE, T0));
        apply(missed(ID, "cac", DUE.minusSeconds(60), DUE)); // a clock of an earlier due time: not this one's
        assertThat(find("cac").missed()).isFalse();

        apply(missed(ID, "cac", DUE, DUE));
        assertThat(find("cac").overdueAt(T0)).as("recorded, whatever the time of the question").isTrue();

        apply(regulatorNotified(ID, "cac", ReportPhase.INITIAL, DUE.plusSeconds(60)));
        assertThat(find("cac").overdueAt(DUE.plusSeconds(120))).isFalse();
    }

    @Test
    void eventsForAnUnknownObligationChangeNoObligation() {
        apply(regulatorNotified(ID, "never-determined", ReportPhase.INITIAL, T0));
        apply(waived(ID, "never-determined", T0));
        apply(missed(ID, "never-determined", DUE, DUE));

        assertThat(incident.view().obligations()).isEmpty();
        assertThat(incident.view().lastSequence()).isEqualTo(4);
    }

    @Test
    void cannotApplyAnObligationEventWithoutItsId() {
        assertThatThrownBy(() -> apply(obligation(ID, null, REGULATOR_NOTIFICATION, "CAC", DUE, T0)))
                .isInstanceOf(UnprojectableEventException.class).hasMessageContaining("no obligationId");
        assertThatThrownBy(() -> apply(waived(ID, null, T0))).hasMessageContaining("no obligationId");
        assertThatThrownBy(() -> apply(obligation(ID, "cac", null, "CAC", DUE, T0))).hasMessageContaining("no kind");
    }

    private IncidentObligation find(String obligationId) {
        return incident.obligation(obligationId);
    }

    private void apply(IncidentEvent event) {
        incident.apply(event);
    }
}
