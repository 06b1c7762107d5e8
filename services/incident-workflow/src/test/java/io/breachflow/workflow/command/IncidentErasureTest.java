package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.ErasureGround;
import io.breachflow.contracts.incident.IncidentClosed;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.workflow.MutableClock;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.breachflow.workflow.command.IncidentFixtures.DPO;
import static io.breachflow.workflow.command.IncidentFixtures.ID;
import static io.breachflow.workflow.command.IncidentFixtures.NOW;
import static io.breachflow.workflow.command.IncidentFixtures.RESPONDER;
import static io.breachflow.workflow.command.IncidentFixtures.art4;
import static io.breachflow.workflow.command.IncidentFixtures.basis;
import static io.breachflow.workflow.command.IncidentFixtures.opened;

/** The Incident aggregate, given-when-then: erasure of responder texts, by the DPO or at the end of retention. */
class IncidentErasureTest {

    /** Sealing is the REST layer's: here any text with the prefix counts as sealed. */
    private static final String SEALED_NOTE = "sealed:v1:1:note";

    private final MutableClock clock = new MutableClock(NOW);
    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = IncidentFixtures.fixture(clock);
    }

    private static NoteAdded note(String noteId) {
        return new NoteAdded(ID, noteId, SEALED_NOTE, "alice", NOW);
    }

    private static PersonalDataErased erased(ErasureGround ground, String reference, String by) {
        return new PersonalDataErased(ID, ground, reference, by, NOW);
    }

    @Test
    void theDpoErasesAnOpenIncident() {
        fixture.given(opened(), basis(), art4(), note("n-1"))
                .when(new ErasePersonalData(ID, ErasureGround.DATA_SUBJECT_REQUEST, " DSR-2026-0142 ", DPO))
                .expectEvents(erased(ErasureGround.DATA_SUBJECT_REQUEST, "DSR-2026-0142", "dora"));
    }

    @Test
    void aClosedIncidentCanBeErased() {
        fixture.given(opened(), basis(), new IncidentTriaged(ID, TriageVerdict.FALSE_POSITIVE, "sealed:v1:1:why", "alice", NOW),
                        new IncidentClosed(ID, "", "dora", NOW))
                .when(new ErasePersonalData(ID, ErasureGround.DPO_DECISION, null, DPO))
                .expectEvents(erased(ErasureGround.DPO_DECISION, null, "dora"));
    }

    @Test
    void aResponderCannotErase() {
        fixture.given(opened(), basis(), art4(), note("n-1"))
                .when(new ErasePersonalData(ID, ErasureGround.DPO_DECISION, null, RESPONDER))
                .expectNoEvents()
                .expectExceptionMessage("Only the DPO may erase an incident's personal data");
    }

    @Test
    void theRetentionJobErasesOnlyOnTheEndOfRetention() {
        fixture.given(opened(), basis(), art4(), note("n-1"))
                .when(new ErasePersonalData(ID, ErasureGround.RETENTION_ENDED, "retention:P1095D", Actor.RETENTION))
                .expectEvents(erased(ErasureGround.RETENTION_ENDED, "retention:P1095D", "system:retention"));
        fixture.given(opened(), basis(), art4(), note("n-1"))
                .when(new ErasePersonalData(ID, ErasureGround.DATA_SUBJECT_REQUEST, null, Actor.RETENTION))
                .expectNoEvents()
                .expectExceptionMessage("The retention job erases only when retention ended");
    }

    @Test
    void anErasureNeedsItsGround() {
        fixture.given(opened(), basis(), art4(), note("n-1"))
                .when(new ErasePersonalData(ID, null, null, DPO))
                .expectNoEvents()
                .expectException(CommandRejectedException.class);
    }

    @Test
    void aSecondErasureWithNothingSealedSinceRecordsNothing() {
        fixture.given(opened(), basis(), art4(), note("n-1"), erased(ErasureGround.DPO_DECISION, null, "dora"))
                .when(new ErasePersonalData(ID, ErasureGround.RETENTION_ENDED, null, Actor.RETENTION))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void textSealedAfterAnErasureIsErasedAgain() {
        fixture.given(opened(), basis(), art4(), note("n-1"), erased(ErasureGround.DPO_DECISION, null, "dora"), note("n-2"))
                .when(new ErasePersonalData(ID, ErasureGround.RETENTION_ENDED, null, Actor.RETENTION))
                .expectEvents(erased(ErasureGround.RETENTION_ENDED, null, "system:retention"));
    }

    @Test
    void theSamePersonAssignedAgainAfterAnErasureIsRecordedAgainTheirNameWasErased() {
        fixture.given(opened(), basis(), art4(), new ResponderAssigned(ID, "sealed:v1:1:bob", "alice", NOW, "t1:bob"),
                        erased(ErasureGround.DATA_SUBJECT_REQUEST, null, "dora"))
                .when(new AssignResponder(ID, "sealed:v1:2:bob", "t1:bob", RESPONDER))
                .expectEvents(new ResponderAssigned(ID, "sealed:v1:2:bob", "alice", NOW, "t1:bob"));
    }
}
