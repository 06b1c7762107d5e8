package io.breachflow.workflow.command;

import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.workflow.MutableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static io.breachflow.workflow.Detections.detection;

/** The Incident aggregate, given-when-then: every command, accepted and refused. */
class IncidentTest {

    private static final String ID = "5b1c1c0e-0000-3000-8000-000000000001";
    private static final String KEY = "alertmanager:group-1";
    private static final Duration WINDOW = Duration.ofHours(24);
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:05Z");

    private static final Actor ALICE = new Actor("alice", Set.of(Actor.RESPONDER));
    private static final Actor BOB = new Actor("bob", Set.of(Actor.RESPONDER));

    private final MutableClock clock = new MutableClock(NOW);
    private FixtureConfiguration<Incident> fixture;

    private final Detection first = detection(KEY, "fp-1@2026-11-30T08:00:00Z", Severity.MEDIUM);
    private final Detection second = detection(KEY, "fp-2@2026-11-30T08:00:00Z", Severity.CRITICAL);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(clock);
    }

    private IncidentOpened opened() {
        return new IncidentOpened(ID, KEY, NOW, first.id(), "alertmanager", first.upstreamId(), first.harm(),
                first.severity(), first.title(), first.observedAt(), first.assets(), first.personalDataCategories());
    }

    private DetectionCorrelated correlated(Instant at) {
        return new DetectionCorrelated(ID, second.id(), "alertmanager", second.upstreamId(), second.harm(),
                second.severity(), second.title(), second.observedAt(), at, second.assets(), second.personalDataCategories());
    }

    @Test
    void canOpenAnIncidentWithItsFirstDetection() {
        fixture.givenNoPriorActivity()
                .when(new RecordDetection(ID, first, WINDOW))
                .expectEvents(opened())
                .expectResultMessagePayload(DetectionOutcome.OPENED);
    }

    @Test
    void canCorrelateAFurtherDetection() {
        fixture.given(opened())
                .when(new RecordDetection(ID, second, WINDOW))
                .expectEvents(correlated(NOW))
                .expectResultMessagePayload(DetectionOutcome.CORRELATED);
    }

    @Test
    void cannotRecordTheSameAlertTwice() {
        fixture.given(opened(), correlated(NOW))
                .when(new RecordDetection(ID, second, WINDOW))
                .expectNoEvents()
                .expectResultMessagePayload(DetectionOutcome.DUPLICATE);
    }

    @Test
    void cannotRecordTheOpeningAlertAgain() {
        fixture.given(opened())
                .when(new RecordDetection(ID, first, WINDOW))
                .expectNoEvents()
                .expectResultMessagePayload(DetectionOutcome.DUPLICATE);
    }

    @Test
    void cannotCorrelateAfterTheWindowPassed() {
        clock.advance(WINDOW.plusSeconds(1));
        fixture.given(opened())
                .when(new RecordDetection(ID, second, WINDOW))
                .expectNoEvents()
                .expectException(CorrelationWindowClosedException.class);
    }

    @Test
    void canCorrelateWithinAWindowThatEachDetectionExtends() {
        Instant later = NOW.plus(Duration.ofHours(20));
        clock.advance(Duration.ofHours(40));
        Detection third = detection(KEY, "fp-3@2026-11-30T08:00:00Z", Severity.LOW);
        fixture.given(opened(), correlated(later))
                .when(new RecordDetection(ID, third, WINDOW))
                .expectResultMessagePayload(DetectionOutcome.CORRELATED);
    }

    @Test
    void canTriageAsConfirmed() {
        fixture.given(opened())
                .when(new TriageIncident(ID, TriageVerdict.CONFIRMED, "  Export went to an unknown host ", ALICE))
                .expectEvents(new IncidentTriaged(ID, TriageVerdict.CONFIRMED, "Export went to an unknown host", "alice", NOW));
    }

    @Test
    void canTriageAsFalsePositive() {
        fixture.given(opened())
                .when(new TriageIncident(ID, TriageVerdict.FALSE_POSITIVE, "Scheduled export", ALICE))
                .expectEvents(new IncidentTriaged(ID, TriageVerdict.FALSE_POSITIVE, "Scheduled export", "alice", NOW));
    }

    @Test
    void cannotTriageTwice() {
        fixture.given(opened(), new IncidentTriaged(ID, TriageVerdict.CONFIRMED, "Confirmed", "alice", NOW))
                .when(new TriageIncident(ID, TriageVerdict.FALSE_POSITIVE, "Changed my mind", BOB))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("Incident " + ID + " was already triaged as CONFIRMED");
    }

    @Test
    void cannotTriageWithoutARationale() {
        fixture.given(opened())
                .when(new TriageIncident(ID, TriageVerdict.CONFIRMED, "   ", ALICE))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("A triage needs a rationale");
    }

    @Test
    void cannotTriageWithoutAVerdict() {
        fixture.given(opened())
                .when(new TriageIncident(ID, null, "Because", ALICE))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void cannotTriageAnIncidentThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new TriageIncident(ID, TriageVerdict.CONFIRMED, "Because", ALICE))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
