package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.MeasureKind;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.workflow.MutableClock;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.breachflow.workflow.command.IncidentFixtures.FIRST;
import static io.breachflow.workflow.command.IncidentFixtures.ID;
import static io.breachflow.workflow.command.IncidentFixtures.NOW;
import static io.breachflow.workflow.command.IncidentFixtures.RESPONDER;
import static io.breachflow.workflow.command.IncidentFixtures.WINDOW;
import static io.breachflow.workflow.command.IncidentFixtures.art4;
import static io.breachflow.workflow.command.IncidentFixtures.determined;
import static io.breachflow.workflow.command.IncidentFixtures.basis;
import static io.breachflow.workflow.command.IncidentFixtures.fulfilled;
import static io.breachflow.workflow.command.IncidentFixtures.opened;

/** The Incident aggregate, given-when-then: assignment, remedial measures (Art. 4) and impact assessment. */
class IncidentHandlingTest {

    private final MutableClock clock = new MutableClock(NOW);
    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = IncidentFixtures.fixture(clock);
    }

    private static IncidentTriaged confirmed() {
        return new IncidentTriaged(ID, TriageVerdict.CONFIRMED, "Real", "alice", NOW);
    }

    private static RemedialMeasureStarted started(String measureId) {
        return new RemedialMeasureStarted(ID, measureId, MeasureKind.REVOKE_CREDENTIALS, "Rotate the export account", "alice", NOW);
    }

    @Test
    void canAssignAResponder() {
        fixture.given(opened(), basis(), art4())
                .when(new AssignResponder(ID, " sealed:v1:1:bob ", "t1:bob", RESPONDER))
                .expectEvents(new ResponderAssigned(ID, "sealed:v1:1:bob", "alice", NOW, "t1:bob"));
    }

    @Test
    void cannotAssignTheSameResponderTwiceTheTagsTellEvenThoughSealedNamesDiffer() {
        fixture.given(opened(), basis(), art4(), new ResponderAssigned(ID, "sealed:v1:1:first-sealing", "alice", NOW, "t1:bob"))
                .when(new AssignResponder(ID, "sealed:v1:1:second-sealing", "t1:bob", RESPONDER))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anotherTagIsAnotherResponder() {
        fixture.given(opened(), basis(), art4(), new ResponderAssigned(ID, "sealed:v1:1:bob", "alice", NOW, "t1:bob"))
                .when(new AssignResponder(ID, "sealed:v1:1:carol", "t1:carol", RESPONDER))
                .expectEvents(new ResponderAssigned(ID, "sealed:v1:1:carol", "alice", NOW, "t1:carol"));
    }

    @Test
    void anAssignmentWrittenBeforeTagsIsReplacedByATaggedOne() {
        fixture.given(opened(), basis(), art4(), new ResponderAssigned(ID, "bob", "alice", NOW))
                .when(new AssignResponder(ID, "sealed:v1:1:bob", "t1:bob", RESPONDER))
                .expectEvents(new ResponderAssigned(ID, "sealed:v1:1:bob", "alice", NOW, "t1:bob"));
    }

    @Test
    void cannotAssignNobody() {
        fixture.given(opened(), basis(), art4())
                .when(new AssignResponder(ID, "", "t1:nobody", RESPONDER))
                .expectNoEvents()
                .expectExceptionMessage("An assignment needs an assignee");
    }

    @Test
    void canStartARemedialMeasureBeforeTriageWhichMeetsTheArt4Clock() {
        fixture.givenCommands(new RecordDetection(ID, FIRST, WINDOW))
                .when(new StartRemedialMeasure(ID, "m-1", MeasureKind.REVOKE_CREDENTIALS, "Rotate the export account", RESPONDER))
                .expectEvents(started("m-1"), fulfilled("test/art4", "RemedialMeasureStarted", "m-1"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void canRunSeveralRemedialMeasuresAtOnce() {
        fixture.given(opened(), basis(), art4(), confirmed(), started("m-1"), fulfilled("test/art4", "RemedialMeasureStarted", "m-1"))
                .when(new StartRemedialMeasure(ID, "m-2", MeasureKind.ISOLATE_SYSTEM, "Cut the replica off", RESPONDER))
                .expectEvents(new RemedialMeasureStarted(ID, "m-2", MeasureKind.ISOLATE_SYSTEM, "Cut the replica off", "alice", NOW));
    }

    @Test
    void cannotStartTheSameMeasureTwice() {
        fixture.given(opened(), basis(), art4(), started("m-1"))
                .when(new StartRemedialMeasure(ID, "m-1", MeasureKind.REVOKE_CREDENTIALS, "Rotate the export account", RESPONDER))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotStartAMeasureOnAFalsePositive() {
        fixture.given(opened(), basis(), art4(), new IncidentTriaged(ID, TriageVerdict.FALSE_POSITIVE, "Test data", "alice", NOW),
                        new NotificationObligationWithdrawn(ID, "test/art4", "no longer required", null, NOW))
                .when(new StartRemedialMeasure(ID, "m-1", MeasureKind.CONTAIN, "Contain", RESPONDER))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void cannotStartAMeasureWithoutAKind() {
        fixture.given(opened(), basis(), art4())
                .when(new StartRemedialMeasure(ID, "m-1", null, "Contain", RESPONDER))
                .expectNoEvents()
                .expectExceptionMessage("A remedial measure needs a kind");
    }

    @Test
    void canCompleteAMeasure() {
        fixture.given(opened(), basis(), art4(), started("m-1"))
                .when(new CompleteRemedialMeasure(ID, "m-1", "Old keys revoked", true, RESPONDER))
                .expectEvents(new RemedialMeasureCompleted(ID, "m-1", "Old keys revoked", true, "alice", NOW));
    }

    @Test
    void cannotCompleteAMeasureTwice() {
        fixture.given(opened(), basis(), art4(), started("m-1"), new RemedialMeasureCompleted(ID, "m-1", "Done", true, "alice", NOW))
                .when(new CompleteRemedialMeasure(ID, "m-1", "Done again", true, RESPONDER))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotCompleteAnUnknownMeasure() {
        fixture.given(opened(), basis(), art4())
                .when(new CompleteRemedialMeasure(ID, "m-9", "Done", true, RESPONDER))
                .expectNoEvents()
                .expectExceptionMessage("Incident " + ID + " has no remedial measure m-9");
    }

    @Test
    void canAssessTheImpactWhichAddsTheNoticeToPeople() {
        fixture.given(opened(), basis(), art4(), confirmed())
                .when(new AssessImpact(ID, List.of("email"), 1200, 1500, false, false, List.of("CN"), "Phishing", List.of(), null, Map.of(), RESPONDER))
                .expectEvents(new ImpactAssessed(ID, List.of("email"), 1200, 1500, false, false, List.of("CN"), "Phishing", "alice", NOW),
                        determined("test/notice", NOW.plus(Duration.ofHours(24)), NOW))
                .expectScheduledDeadline(NOW.plus(Duration.ofHours(24)), new ObligationDue("test/notice", NOW.plus(Duration.ofHours(24))));
    }

    @Test
    void cannotAssessNegativeNumbers() {
        fixture.given(opened(), basis(), art4(), confirmed())
                .when(new AssessImpact(ID, List.of("email"), -1, 0, false, false, List.of("CN"), "", List.of(), null, Map.of(), RESPONDER))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void cannotAssessAFalsePositive() {
        fixture.given(opened(), basis(), art4(), new IncidentTriaged(ID, TriageVerdict.FALSE_POSITIVE, "Test data", "alice", NOW))
                .when(new AssessImpact(ID, List.of("email"), 1, 1, false, false, List.of("CN"), "", List.of(), null, Map.of(), RESPONDER))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }
}
