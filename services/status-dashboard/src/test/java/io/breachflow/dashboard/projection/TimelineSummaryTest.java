package io.breachflow.dashboard.projection;

import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.LifecycleEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline's pure function: a sentence, an actor and the CloudEvents type for every kind of event. */
class TimelineSummaryTest {

    private static final String ID = "inc-t";
    private static final Instant T = Events.OPENED_AT;

    @Test
    void triageNamesVerdictPersonAndRationale() {
        TimelineEntry entry = Timeline.entry(Events.triaged(ID, TriageVerdict.CONFIRMED, "export was public"), 1, T);
        assertThat(entry.summary()).isEqualTo("Triaged as CONFIRMED by dpo@example.org: export was public");
        assertThat(entry.actor()).isEqualTo("dpo@example.org");
        assertThat(entry.type()).isEqualTo(CloudEventTypes.INCIDENT_TRIAGED);
        assertThat(entry.sequence()).isEqualTo(1);
        assertThat(entry.occurredAt()).isEqualTo(T);
    }

    @Test
    void aMissedDeadlineSaysWhichAndHasNoActor() {
        TimelineEntry entry = Timeline.entry(LifecycleEvents.missed(ID, "cac", T, T), 7, T);
        assertThat(entry.summary()).isEqualTo("Deadline missed: report to the CAC");
        assertThat(entry.actor()).isNull();
    }

    @Test
    void openingMeasuresAndReportsReadAsSentences() {
        assertThat(Timeline.entry(Events.opened(ID, Severity.HIGH), 0, T).summary())
                .isEqualTo("Opened from alertmanager (HIGH DISCLOSURE): CRM export reachable without login");
        assertThat(Timeline.entry(LifecycleEvents.measureCompleted(ID, "m-1", T), 3, T).summary())
                .isEqualTo("Measure m-1 completed, effective: token revoked, export unreachable");
        assertThat(Timeline.entry(LifecycleEvents.regulatorNotified(ID, "cac", ReportPhase.INITIAL, T), 4, T).summary())
                .isEqualTo("CAC Shanghai notified (INITIAL, reference ref-cac)");
    }

    @Test
    void everyKindOfEventHasASentenceAndItsType() {
        List<IncidentEvent> events = LifecycleEvents.oneOfEach(ID);
        for (int i = 0; i < events.size(); i++) {
            TimelineEntry entry = Timeline.entry(events.get(i), i, T);
            assertThat(entry.summary()).as(events.get(i).getClass().getSimpleName()).isNotBlank().doesNotContain("null");
            assertThat(entry.type()).isEqualTo(CloudEventTypes.of(events.get(i)));
            assertThat(entry.event()).isSameAs(events.get(i));
        }
    }
}
