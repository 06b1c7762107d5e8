package io.breachflow.workflow.command;

import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.IncidentClosed;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.workflow.MutableClock;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.breachflow.workflow.Detections.detection;
import static io.breachflow.workflow.Detections.receivedAt;
import static io.breachflow.workflow.command.IncidentFixtures.DPO;
import static io.breachflow.workflow.command.IncidentFixtures.FIRST;
import static io.breachflow.workflow.command.IncidentFixtures.ID;
import static io.breachflow.workflow.command.IncidentFixtures.KEY;
import static io.breachflow.workflow.command.IncidentFixtures.NOW;
import static io.breachflow.workflow.command.IncidentFixtures.RESPONDER;
import static io.breachflow.workflow.command.IncidentFixtures.SECOND;
import static io.breachflow.workflow.command.IncidentFixtures.WINDOW;
import static io.breachflow.workflow.command.IncidentFixtures.art4;
import static io.breachflow.workflow.command.IncidentFixtures.basis;
import static io.breachflow.workflow.command.IncidentFixtures.opened;

/** The Incident aggregate, given-when-then: opening by detections, correlation, repeats and triage. */
class IncidentTest {

    private final MutableClock clock = new MutableClock(NOW);
    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = IncidentFixtures.fixture(clock);
    }

    private DetectionCorrelated correlated(Instant at) {
        return new DetectionCorrelated(ID, SECOND.id(), "alertmanager", SECOND.upstreamId(), SECOND.harm(),
                SECOND.severity(), SECOND.title(), SECOND.observedAt(), at, SECOND.assets(), SECOND.personalDataCategories(), at);
    }

    @Test
    void canOpenAnIncidentWithItsFirstDetectionAndStartTheArt4Clock() {
        fixture.givenNoPriorActivity()
                .when(new RecordDetection(ID, FIRST, WINDOW))
                .expectEvents(opened(), basis(), art4())
                .expectResultMessagePayload(DetectionOutcome.OPENED)
                .expectScheduledDeadline(NOW.plus(Duration.ofHours(1)), new ObligationDue("test/art4", NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void canCorrelateAFurtherDetection() {
        fixture.given(opened(), basis(), art4())
                .when(new RecordDetection(ID, SECOND, WINDOW))
                .expectEvents(correlated(NOW))
                .expectResultMessagePayload(DetectionOutcome.CORRELATED);
    }

    @Test
    void cannotRecordTheSameAlertTwice() {
        fixture.given(opened(), basis(), art4(), correlated(NOW))
                .when(new RecordDetection(ID, SECOND, WINDOW))
                .expectNoEvents()
                .expectResultMessagePayload(DetectionOutcome.DUPLICATE);
    }

    @Test
    void cannotRecordTheOpeningAlertAgain() {
        fixture.given(opened(), basis(), art4())
                .when(new RecordDetection(ID, FIRST, WINDOW))
                .expectNoEvents()
                .expectResultMessagePayload(DetectionOutcome.DUPLICATE);
    }

    @Test
    void cannotCorrelateAfterTheWindowPassed() {
        clock.advance(WINDOW.plusSeconds(1));
        fixture.given(opened(), basis(), art4())
                .when(new RecordDetection(ID, receivedAt(SECOND, clock.instant()), WINDOW))
                .expectNoEvents()
                .expectException(CorrelationWindowClosedException.class);
    }

    @Test
    void cannotCorrelateWithAClosedIncident() {
        fixture.given(opened(), basis(), new IncidentTriaged(ID, TriageVerdict.FALSE_POSITIVE, "Test data", "alice", NOW),
                        new NotificationObligationWithdrawn(ID, "test/art4", "no longer required", null, NOW),
                        new IncidentClosed(ID, "", "dora", NOW))
                .when(new RecordDetection(ID, SECOND, WINDOW))
                .expectNoEvents()
                .expectException(CorrelationWindowClosedException.class);
    }

    @Test
    void canCorrelateWithinAWindowThatEachDetectionExtends() {
        clock.advance(Duration.ofHours(40));
        Detection third = detection(KEY, "fp-3@2026-11-30T08:00:00Z", Severity.LOW);
        fixture.given(opened(), basis(), art4(), correlated(NOW.plus(Duration.ofHours(20))))
                .when(new RecordDetection(ID, receivedAt(third, clock.instant()), WINDOW))
                .expectResultMessagePayload(DetectionOutcome.CORRELATED);
    }

    @Test
    void canTriageAsConfirmed() {
        fixture.given(opened(), basis(), art4())
                .when(new TriageIncident(ID, TriageVerdict.CONFIRMED, "  Export went to an unknown host ", RESPONDER))
                .expectEvents(new IncidentTriaged(ID, TriageVerdict.CONFIRMED, "Export went to an unknown host", "alice", NOW));
    }

    @Test
    void canTriageAsFalsePositiveWhichWithdrawsItsObligations() {
        fixture.givenCommands(new RecordDetection(ID, FIRST, WINDOW))
                .when(new TriageIncident(ID, TriageVerdict.FALSE_POSITIVE, "Scheduled export", RESPONDER))
                .expectEvents(new IncidentTriaged(ID, TriageVerdict.FALSE_POSITIVE, "Scheduled export", "alice", NOW),
                        new NotificationObligationWithdrawn(ID, "test/art4", "no longer required after triage as FALSE_POSITIVE", null, NOW))
                .expectNoScheduledDeadlines();
    }

    @Test
    void cannotTriageTwice() {
        fixture.given(opened(), basis(), art4(), new IncidentTriaged(ID, TriageVerdict.CONFIRMED, "Confirmed", "alice", NOW))
                .when(new TriageIncident(ID, TriageVerdict.FALSE_POSITIVE, "Changed my mind", DPO))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("Incident " + ID + " was already triaged as CONFIRMED");
    }

    @Test
    void cannotTriageWithoutARationale() {
        fixture.given(opened(), basis(), art4())
                .when(new TriageIncident(ID, TriageVerdict.CONFIRMED, "   ", RESPONDER))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("A triage needs a rationale");
    }

    @Test
    void cannotTriageWithoutAVerdict() {
        fixture.given(opened(), basis(), art4())
                .when(new TriageIncident(ID, null, "Because", RESPONDER))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void cannotTriageAnIncidentThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new TriageIncident(ID, TriageVerdict.CONFIRMED, "Because", RESPONDER))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }
}
