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
        assertThat(Timeline.summary(entry.event())).isEqualTo("Triaged as CONFIRMED by dpo@example.org: export was public");
        assertThat(entry.actor()).isEqualTo("dpo@example.org");
        assertThat(entry.type()).isEqualTo(CloudEventTypes.INCIDENT_TRIAGED);
        assertThat(entry.sequence()).isEqualTo(1);
        assertThat(entry.occurredAt()).isEqualTo(T);
    }

    @Test
    void aMissedDeadlineSaysWhichAndHasNoActor() {
        TimelineEntry entry = Timeline.entry(LifecycleEvents.missed(ID, "cac", T, T), 7, T);
        assertThat(Timeline.summary(entry.event())).isEqualTo("Deadline missed: report to the CAC");
        assertThat(entry.actor()).isNull();
    }

    @Test
    void openingMeasuresAndReportsReadAsSentences() {
        assertThat(Timeline.summary(Events.opened(ID, Severity.HIGH)))
                .isEqualTo("Opened from alertmanager (HIGH DISCLOSURE): CRM export reachable without login");
        assertThat(Timeline.summary(LifecycleEvents.measureCompleted(ID, "m-1", T)))
                .isEqualTo("Measure m-1 completed, effective: token revoked, export unreachable");
        assertThat(Timeline.summary(LifecycleEvents.regulatorNotified(ID, "cac", ReportPhase.INITIAL, T)))
                .isEqualTo("CAC Shanghai notified (INITIAL, reference ref-cac)");
    }

    @Test
    void everyKindOfEventHasASentenceAndItsType() {
        List<IncidentEvent> events = LifecycleEvents.oneOfEach(ID);
        for (int i = 0; i < events.size(); i++) {
            TimelineEntry entry = Timeline.entry(events.get(i), i, T);
            assertThat(Timeline.summary(entry.event())).as(events.get(i).getClass().getSimpleName()).isNotBlank().doesNotContain("null");
            assertThat(entry.type()).isEqualTo(CloudEventTypes.of(events.get(i)));
            assertThat(entry.event()).isSameAs(events.get(i));
        }
    }
}
