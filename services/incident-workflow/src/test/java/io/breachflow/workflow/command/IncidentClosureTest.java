package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.IncidentClosed;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.IncidentGraded;
import io.breachflow.contracts.incident.IncidentReopened;
import io.breachflow.contracts.incident.IncidentResolved;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.MeasureKind;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.workflow.MutableClock;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.breachflow.workflow.command.IncidentFixtures.DPO;
import static io.breachflow.workflow.command.IncidentFixtures.ID;
import static io.breachflow.workflow.command.IncidentFixtures.NOW;
import static io.breachflow.workflow.command.IncidentFixtures.RESPONDER;
import static io.breachflow.workflow.command.IncidentFixtures.art4;
import static io.breachflow.workflow.command.IncidentFixtures.determined;
import static io.breachflow.workflow.command.IncidentFixtures.basis;
import static io.breachflow.workflow.command.IncidentFixtures.fulfilled;
import static io.breachflow.workflow.command.IncidentFixtures.opened;

/** The Incident aggregate, given-when-then: resolution, closure (DPO, nothing left open), reopening and notes. */
class IncidentClosureTest {

    private static final String HASH = "b".repeat(64);
    private static final Instant FINAL_DUE = NOW.plus(Duration.ofDays(30));

    private final MutableClock clock = new MutableClock(NOW);
    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = IncidentFixtures.fixture(clock);
    }

    /** A confirmed, reported incident whose only measure is done. */
    private static Object[] handled() {
        return new Object[]{opened(), basis(), art4(), new IncidentTriaged(ID, TriageVerdict.CONFIRMED, "Real", "alice", NOW),
                new RemedialMeasureStarted(ID, "m-1", MeasureKind.CONTAIN, "Contain", "alice", NOW),
                fulfilled("test/art4", "RemedialMeasureStarted", "m-1"),
                new RemedialMeasureCompleted(ID, "m-1", "Contained", true, "alice", NOW),
                new IncidentGraded(ID, IncidentGrade.MAJOR, "12 million", "alice", NOW),
                determined("test/report", NOW.plus(Duration.ofHours(4)), NOW),
                new RegulatorNotified(ID, "test/report", "CAC", ReportPhase.INITIAL, "R-1", HASH, "alice", NOW),
                fulfilled("test/report", "RegulatorNotified", "R-1")};
    }

    private static Object[] resolved() {
        Object[] before = handled();
        Object[] events = java.util.Arrays.copyOf(before, before.length + 2);
        events[before.length] = new IncidentResolved(ID, "Leaked API key", "alice", NOW);
        events[before.length + 1] = determined("test/final", FINAL_DUE, NOW);
        return events;
    }

    @Test
    void canResolveWhichStartsTheFinalReportClock() {
        fixture.given(handled())
                .when(new ResolveIncident(ID, "Leaked API key", RESPONDER))
                .expectEvents(new IncidentResolved(ID, "Leaked API key", "alice", NOW), determined("test/final", FINAL_DUE, NOW))
                .expectScheduledDeadline(FINAL_DUE, new ObligationDue("test/final", FINAL_DUE));
    }

    @Test
    void cannotResolveWhileAMeasureIsRunning() {
        fixture.given(opened(), basis(), art4(), new IncidentTriaged(ID, TriageVerdict.CONFIRMED, "Real", "alice", NOW),
                        new RemedialMeasureStarted(ID, "m-7", MeasureKind.PATCH, "Patch", "alice", NOW))
                .when(new ResolveIncident(ID, "Unpatched server", RESPONDER))
                .expectNoEvents()
                .expectExceptionMessage("Remedial measures are still running: m-7");
    }

    @Test
    void cannotResolveAnUntriagedIncident() {
        fixture.given(opened(), basis(), art4())
                .when(new ResolveIncident(ID, "Cause", RESPONDER))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void cannotResolveWithoutTheRootCause() {
        fixture.given(handled())
                .when(new ResolveIncident(ID, "", RESPONDER))
                .expectNoEvents()
                .expectExceptionMessage("A resolution needs the root cause");
    }

    @Test
    void cannotCloseWhileAnObligationIsOpen() {
        fixture.given(resolved())
                .when(new CloseIncident(ID, "Done", DPO))
                .expectNoEvents()
                .expectExceptionMessage("Obligations neither fulfilled nor waived: test/final");
    }

    @Test
    void canCloseAsTheDpoOnceEveryObligationIsSettled() {
        fixture.given(resolved())
                .andGiven(new RegulatorNotified(ID, "test/final", "CAC", ReportPhase.FINAL, "R-2", HASH, "alice", NOW),
                        fulfilled("test/final", "RegulatorNotified", "R-2"))
                .when(new CloseIncident(ID, "Handled", DPO))
                .expectEvents(new IncidentClosed(ID, "Handled", "dora", NOW));
    }

    @Test
    void canCloseWithAWaivedObligation() {
        fixture.given(resolved())
                .andGiven(new NotificationWaived(ID, "test/final", "Merged into the annual report", "dora", NOW))
                .when(new CloseIncident(ID, null, DPO))
                .expectEvents(new IncidentClosed(ID, "", "dora", NOW));
    }

    @Test
    void cannotCloseAsAResponder() {
        fixture.given(resolved())
                .andGiven(new RegulatorNotified(ID, "test/final", "CAC", ReportPhase.FINAL, "R-2", HASH, "alice", NOW),
                        fulfilled("test/final", "RegulatorNotified", "R-2"))
                .when(new CloseIncident(ID, "Handled", RESPONDER))
                .expectNoEvents()
                .expectExceptionMessage("Only the DPO may close an incident");
    }

    @Test
    void cannotCloseAnIncidentStillBeingHandled() {
        fixture.given(handled())
                .when(new CloseIncident(ID, "Handled", DPO))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void canCloseAFalsePositive() {
        fixture.given(opened(), basis(), art4(), new IncidentTriaged(ID, TriageVerdict.FALSE_POSITIVE, "Test data", "alice", NOW),
                        new NotificationObligationWithdrawn(ID, "test/art4", "no longer required", null, NOW))
                .when(new CloseIncident(ID, "Not a breach", DPO))
                .expectEvents(new IncidentClosed(ID, "Not a breach", "dora", NOW));
    }

    @Test
    void canReopenAClosedIncident() {
        fixture.given(resolved())
                .andGiven(new RegulatorNotified(ID, "test/final", "CAC", ReportPhase.FINAL, "R-2", HASH, "alice", NOW),
                        fulfilled("test/final", "RegulatorNotified", "R-2"), new IncidentClosed(ID, "Handled", "dora", NOW))
                .when(new ReopenIncident(ID, "The key was used again", RESPONDER))
                .expectEvents(new IncidentReopened(ID, "The key was used again", "alice", NOW));
    }

    @Test
    void canReopenAResolvedIncidentWhichWithdrawsTheUnfiledFinalReport() {
        fixture.given(resolved())
                .when(new ReopenIncident(ID, "Still leaking", RESPONDER))
                .expectEvents(new IncidentReopened(ID, "Still leaking", "alice", NOW),
                        new NotificationObligationWithdrawn(ID, "test/final", "no longer required after reopening", null, NOW));
    }

    @Test
    void canReopenAClosedFalsePositiveWhichRestartsTheArt4Duty() {
        fixture.given(opened(), basis(), art4(), new IncidentTriaged(ID, TriageVerdict.FALSE_POSITIVE, "Test data", "alice", NOW),
                        new NotificationObligationWithdrawn(ID, "test/art4", "no longer required", null, NOW),
                        new IncidentClosed(ID, "Not a breach", "dora", NOW))
                .when(new ReopenIncident(ID, "It was production data after all", RESPONDER))
                .expectEvents(new IncidentReopened(ID, "It was production data after all", "alice", NOW), art4());
    }

    @Test
    void cannotReopenAnIncidentThatIsStillOpen() {
        fixture.given(opened(), basis(), art4())
                .when(new ReopenIncident(ID, "Why", RESPONDER))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void canAddANoteEvenToAClosedIncident() {
        fixture.given(opened(), basis(), art4(), new IncidentTriaged(ID, TriageVerdict.FALSE_POSITIVE, "Test data", "alice", NOW),
                        new NotificationObligationWithdrawn(ID, "test/art4", "no longer required", null, NOW),
                        new IncidentClosed(ID, "Not a breach", "dora", NOW))
                .when(new AddNote(ID, "n-1", "Auditor asked about this one", RESPONDER))
                .expectEvents(new NoteAdded(ID, "n-1", "Auditor asked about this one", "alice", NOW));
    }

    @Test
    void cannotAddTheSameNoteTwice() {
        fixture.given(opened(), basis(), art4(), new NoteAdded(ID, "n-1", "Hello", "alice", NOW))
                .when(new AddNote(ID, "n-1", "Hello", RESPONDER))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotAddAnEmptyNote() {
        fixture.given(opened(), basis(), art4())
                .when(new AddNote(ID, "n-1", " ", RESPONDER))
                .expectNoEvents()
                .expectExceptionMessage("A note needs a text");
    }
}
