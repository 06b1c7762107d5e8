package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.IncidentReopened;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.LifecycleEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The metric timestamps, through the pure projection: first time each milestone happened, never reset. */
class MilestonesTest {

    private static final String ID = ConfirmedIncident.ID;
    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");

    private final ConfirmedIncident incident = new ConfirmedIncident();

    @Test
    void triageTimeAndVerdictComeFromTheTriage() {
        Milestones milestones = incident.view().milestones();
        assertThat(milestones.triagedAt()).isEqualTo(Events.OPENED_AT);
        assertThat(milestones.lastVerdict()).isEqualTo(TriageVerdict.CONFIRMED);
        assertThat(milestones.firstMeasureAt()).isNull();
    }

    @Test
    void containmentIsTheFirstEffectiveCompletionAndMeasuresCountFromTheFirstStart() {
        incident.apply(LifecycleEvents.measureStarted(ID, "m-1", T0));
        incident.apply(LifecycleEvents.measureStarted(ID, "m-2", T0.plusSeconds(60)));
        incident.apply(new RemedialMeasureCompleted(ID, "m-1", "did not help", false, LifecycleEvents.RESPONDER,
                T0.plusSeconds(120)));
        assertThat(incident.view().milestones().containedAt()).isNull();
        incident.apply(LifecycleEvents.measureCompleted(ID, "m-2", T0.plusSeconds(180)));
        incident.apply(LifecycleEvents.measureCompleted(ID, "m-3", T0.plusSeconds(240)));

        Milestones milestones = incident.view().milestones();
        assertThat(milestones.firstMeasureAt()).isEqualTo(T0);
        assertThat(milestones.containedAt()).isEqualTo(T0.plusSeconds(180));
    }

    @Test
    void theFirstReportCountsAndAReopeningKeepsEveryMilestone() {
        incident.apply(LifecycleEvents.regulatorNotified(ID, "cac", ReportPhase.INITIAL, T0));
        incident.apply(LifecycleEvents.regulatorNotified(ID, "cac", ReportPhase.FINAL, T0.plusSeconds(3600)));
        incident.apply(LifecycleEvents.resolved(ID, T0.plusSeconds(7200)));
        incident.apply(new IncidentReopened(ID, "again", LifecycleEvents.DPO, T0.plusSeconds(9000)));

        Milestones milestones = incident.view().milestones();
        assertThat(milestones.firstRegulatorNotifiedAt()).isEqualTo(T0);
        assertThat(milestones.triagedAt()).isEqualTo(Events.OPENED_AT);
    }

    @Test
    void aDismissedIncidentReopenedStillCountsAsAFalseAlarm() {
        Milestones dismissed = Milestones.NONE.after(Events.triaged(ID, TriageVerdict.FALSE_POSITIVE, "test data"), T0);
        Milestones reopened = dismissed.after(new IncidentReopened(ID, "again", LifecycleEvents.DPO, T0), T0);
        assertThat(reopened.lastVerdict()).isEqualTo(TriageVerdict.FALSE_POSITIVE);
        assertThat(reopened.triagedAt()).isEqualTo(T0);
    }
}
