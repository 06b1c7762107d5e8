package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.IncidentGraded;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.workflow.MutableClock;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.breachflow.workflow.command.IncidentFixtures.DPO;
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

/** The Incident aggregate, given-when-then: grading, obligations and their clocks, notifications and waivers. */
class IncidentObligationsTest {

    private static final String HASH = "a".repeat(64);
    private static final Instant REPORT_DUE = NOW.plus(Duration.ofHours(4));

    private final MutableClock clock = new MutableClock(NOW);
    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = IncidentFixtures.fixture(clock);
    }

    private static IncidentTriaged confirmed() {
        return new IncidentTriaged(ID, TriageVerdict.CONFIRMED, "Real", "alice", NOW);
    }

    private static IncidentGraded graded(IncidentGrade grade) {
        return new IncidentGraded(ID, grade, "1.2 million customers", "alice", NOW);
    }

    @Test
    void canGradeWhichStartsTheReportingClock() {
        fixture.given(opened(), basis(), art4(), confirmed())
                .when(new GradeIncident(ID, IncidentGrade.RELATIVELY_MAJOR, "1.2 million customers", RESPONDER))
                .expectEvents(graded(IncidentGrade.RELATIVELY_MAJOR), determined("test/report", REPORT_DUE, NOW))
                .expectScheduledDeadline(REPORT_DUE, new ObligationDue("test/report", REPORT_DUE));
    }

    @Test
    void canRegradeWhichRecomputesTheClock() {
        Instant sooner = NOW.plus(Duration.ofHours(1));
        fixture.givenCommands(new RecordDetection(ID, FIRST, WINDOW),
                        new GradeIncident(ID, IncidentGrade.RELATIVELY_MAJOR, "1.2 million customers", RESPONDER))
                .when(new GradeIncident(ID, IncidentGrade.ESPECIALLY_MAJOR, "1.2 million customers", RESPONDER))
                .expectEvents(graded(IncidentGrade.ESPECIALLY_MAJOR), determined("test/report", sooner, NOW))
                .expectScheduledDeadline(sooner, new ObligationDue("test/report", sooner))
                .expectNoScheduledDeadlineMatching(org.hamcrest.Matchers.hasProperty("payload",
                        org.hamcrest.Matchers.equalTo(new ObligationDue("test/report", REPORT_DUE))));
    }

    @Test
    void canRegradeDownWhichWithdrawsTheReport() {
        fixture.given(opened(), basis(), art4(), confirmed(), graded(IncidentGrade.RELATIVELY_MAJOR), determined("test/report", REPORT_DUE, NOW))
                .when(new GradeIncident(ID, IncidentGrade.GENERAL, "1.2 million customers", RESPONDER))
                .expectEvents(graded(IncidentGrade.GENERAL),
                        new NotificationObligationWithdrawn(ID, "test/report", "no longer required after grading as GENERAL", null, NOW));
    }

    @Test
    void cannotGradeTheSameGradeTwice() {
        fixture.given(opened(), basis(), art4(), confirmed(), graded(IncidentGrade.MAJOR), determined("test/report", REPORT_DUE, NOW))
                .when(new GradeIncident(ID, IncidentGrade.MAJOR, "Again", RESPONDER))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotGradeWithoutARationale() {
        fixture.given(opened(), basis(), art4(), confirmed())
                .when(new GradeIncident(ID, IncidentGrade.MAJOR, null, RESPONDER))
                .expectNoEvents()
                .expectExceptionMessage("A grading needs a rationale");
    }

    @Test
    void canRecordTheReportWhichStopsItsClock() {
        fixture.givenCommands(new RecordDetection(ID, FIRST, WINDOW),
                        new StartRemedialMeasure(ID, "m-1", io.breachflow.contracts.incident.MeasureKind.CONTAIN, "Contain", RESPONDER),
                        new GradeIncident(ID, IncidentGrade.RELATIVELY_MAJOR, "1.2 million customers", RESPONDER))
                .when(new RecordRegulatorNotification(ID, "test/report", "Provincial CAC", ReportPhase.INITIAL, "CAC-1", HASH.toUpperCase(), RESPONDER))
                .expectEvents(new RegulatorNotified(ID, "test/report", "Provincial CAC", ReportPhase.INITIAL, "CAC-1", HASH, "alice", NOW),
                        fulfilled("test/report", "RegulatorNotified", "CAC-1"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void cannotRecordAReportForAnObligationItDoesNotHave() {
        fixture.given(opened(), basis(), art4(), confirmed())
                .when(new RecordRegulatorNotification(ID, "test/report", "CAC", ReportPhase.INITIAL, "", HASH, RESPONDER))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void cannotRecordAReportWithoutTheHashOfItsContent() {
        fixture.given(opened(), basis(), art4(), confirmed(), graded(IncidentGrade.MAJOR), determined("test/report", REPORT_DUE, NOW))
                .when(new RecordRegulatorNotification(ID, "test/report", "CAC", ReportPhase.INITIAL, "", "not-a-hash", RESPONDER))
                .expectNoEvents()
                .expectExceptionMessage("A notification needs the SHA-256 (64 hex digits) of the exact content sent");
    }

    @Test
    void cannotRecordTheSameReportTwice() {
        fixture.given(opened(), basis(), art4(), confirmed(), graded(IncidentGrade.MAJOR), determined("test/report", REPORT_DUE, NOW),
                        new RegulatorNotified(ID, "test/report", "CAC", ReportPhase.INITIAL, "CAC-1", HASH, "alice", NOW))
                .when(new RecordRegulatorNotification(ID, "test/report", "CAC", ReportPhase.INITIAL, "CAC-1", HASH, RESPONDER))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void canRecordASupplementaryReportAfterTheFirst() {
        String supplement = "c".repeat(64);
        fixture.given(opened(), basis(), art4(), confirmed(), graded(IncidentGrade.MAJOR), determined("test/report", REPORT_DUE, NOW),
                        new RegulatorNotified(ID, "test/report", "CAC", ReportPhase.INITIAL, "CAC-1", HASH, "alice", NOW),
                        fulfilled("test/report", "RegulatorNotified", "CAC-1"))
                .when(new RecordRegulatorNotification(ID, "test/report", "CAC", ReportPhase.SUPPLEMENTARY, "CAC-1", supplement, RESPONDER))
                .expectEvents(new RegulatorNotified(ID, "test/report", "CAC", ReportPhase.SUPPLEMENTARY, "CAC-1", supplement, "alice", NOW));
    }

    @Test
    void cannotRecordTheSameNoticeToPeopleTwice() {
        fixture.given(opened(), basis(), art4(), confirmed(), determined("test/notice", NOW.plus(Duration.ofHours(24)), NOW),
                        new DataSubjectsNotified(ID, "test/notice", "e-mail", 1200, HASH, "alice", NOW))
                .when(new RecordDataSubjectNotification(ID, "test/notice", "e-mail", 1200, HASH, RESPONDER))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRemedialDutyArisingAfterAMeasureWasTakenIsAlreadyMet() {
        // Opened under rules that asked for no remedial measure; a measure was taken anyway; now the rules ask for one.
        fixture.given(opened(), basis(), confirmed(),
                        new io.breachflow.contracts.incident.RemedialMeasureStarted(ID, "m-1",
                                io.breachflow.contracts.incident.MeasureKind.CONTAIN, "Contain", "alice", NOW))
                .when(new AssessImpact(ID, List.of("email"), 10, 10, false, false, List.of("CN"), "", List.of(), null, Map.of(), RESPONDER))
                .expectEvents(new ImpactAssessed(ID, List.of("email"), 10, 10, false, false, List.of("CN"), "", "alice", NOW),
                        art4(), fulfilled("test/art4", "RemedialMeasureStarted", "m-1"),
                        determined("test/notice", NOW.plus(Duration.ofHours(24)), NOW));
    }

    @Test
    void canNotifyThePeopleAffected() {
        fixture.given(opened(), basis(), art4(), confirmed(), determined("test/notice", NOW.plus(Duration.ofHours(24)), NOW))
                .when(new RecordDataSubjectNotification(ID, "test/notice", "e-mail", 1200, HASH, RESPONDER))
                .expectEvents(new DataSubjectsNotified(ID, "test/notice", "e-mail", 1200, HASH, "alice", NOW),
                        fulfilled("test/notice", "DataSubjectsNotified", HASH));
    }

    @Test
    void cannotRecordANoticeToPeopleAsAReport() {
        fixture.given(opened(), basis(), art4(), confirmed(), determined("test/notice", NOW.plus(Duration.ofHours(24)), NOW))
                .when(new RecordRegulatorNotification(ID, "test/notice", "CAC", ReportPhase.INITIAL, "", HASH, RESPONDER))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void canWaiveANoticeAsTheDpo() {
        fixture.given(opened(), basis(), art4(), confirmed(), determined("test/notice", NOW.plus(Duration.ofHours(24)), NOW))
                .when(new WaiveNotification(ID, "test/notice", "measures-avoid-harm", "Data was encrypted; keys not exposed (PIPL Art. 57)", DPO))
                .expectEvents(new NotificationWaived(ID, "test/notice", "Data was encrypted; keys not exposed (PIPL Art. 57)", "dora", NOW,
                        "measures-avoid-harm", "PIPL Art. 57 para. 2"));
    }

    @Test
    void cannotWaiveAsAResponder() {
        fixture.given(opened(), basis(), art4(), confirmed(), determined("test/notice", NOW.plus(Duration.ofHours(24)), NOW))
                .when(new WaiveNotification(ID, "test/notice", "measures-avoid-harm", "Encrypted", RESPONDER))
                .expectNoEvents()
                .expectExceptionMessage("Only the DPO may waive an obligation");
    }

    @Test
    void cannotWaiveWithoutARationale() {
        fixture.given(opened(), basis(), art4(), confirmed(), determined("test/notice", NOW.plus(Duration.ofHours(24)), NOW))
                .when(new WaiveNotification(ID, "test/notice", "measures-avoid-harm", " ", DPO))
                .expectNoEvents()
                .expectExceptionMessage("A waiver needs a rationale");
    }

    @Test
    void cannotWaiveAFulfilledObligation() {
        fixture.given(opened(), basis(), art4(), confirmed(), determined("test/notice", NOW.plus(Duration.ofHours(24)), NOW),
                        new DataSubjectsNotified(ID, "test/notice", "e-mail", 10, HASH, "alice", NOW),
                        fulfilled("test/notice", "DataSubjectsNotified", HASH))
                .when(new WaiveNotification(ID, "test/notice", "measures-avoid-harm", "Too late", DPO))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void missesTheDeadlineWhenTheClockRunsOut() {
        Instant due = NOW.plus(Duration.ofHours(1));
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new RecordDetection(ID, FIRST, WINDOW))
                .whenTimeAdvancesTo(due.plusSeconds(1))
                .expectEvents(new DeadlineMissed(ID, "test/art4", "Decision Art. 4: remedial measure to internal, due " + due, due, NOW));
    }

    @Test
    void missesNoDeadlineWhenTheObligationWasMetInTime() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(new RecordDetection(ID, FIRST, WINDOW),
                        new StartRemedialMeasure(ID, "m-1", io.breachflow.contracts.incident.MeasureKind.CONTAIN, "Contain", RESPONDER))
                .whenTimeAdvancesTo(NOW.plus(Duration.ofHours(2)))
                .expectNoEvents();
    }

    @Test
    void aStaleFiringOfAMovedClockChangesNothing() {
        Incident incident = new Incident();
        incident.on(opened());
        incident.on(determined("test/report", NOW.plus(Duration.ofHours(1)), NOW));
        // Outside Axon's lifecycle, apply() throws: not throwing proves the stale firing applied nothing.
        org.assertj.core.api.Assertions.assertThatCode(() -> incident.on(new ObligationDue("test/report", REPORT_DUE), clock))
                .doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> incident.on(new ObligationDue("test/report", NOW.plus(Duration.ofHours(1))), clock))
                .isInstanceOf(IllegalStateException.class);
    }
}
