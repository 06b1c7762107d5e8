package io.breachflow.workflow.command;

import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.OperatorClass;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.contracts.incident.WaiverRevoked;
import io.breachflow.workflow.MutableClock;
import io.breachflow.workflow.rules.OrganisationProfile;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.breachflow.workflow.Detections.detection;
import static io.breachflow.workflow.Detections.receivedAt;
import static io.breachflow.workflow.command.IncidentFixtures.DPO;
import static io.breachflow.workflow.command.IncidentFixtures.FIRST;
import static io.breachflow.workflow.command.IncidentFixtures.ID;
import static io.breachflow.workflow.command.IncidentFixtures.KEY;
import static io.breachflow.workflow.command.IncidentFixtures.NOW;
import static io.breachflow.workflow.command.IncidentFixtures.RESPONDER;
import static io.breachflow.workflow.command.IncidentFixtures.WINDOW;
import static io.breachflow.workflow.command.IncidentFixtures.art4;
import static io.breachflow.workflow.command.IncidentFixtures.basis;
import static io.breachflow.workflow.command.IncidentFixtures.determined;
import static io.breachflow.workflow.command.IncidentFixtures.opened;

/**
 * What an incident is judged by: awareness from the receipt (not the processing time), the profile recorded at
 * awareness (a changed configuration moves no running clock; only the DPO's recorded re-basing does), waivers only
 * on the grounds the rule lists, revocation with a new clock, harms that accumulate, and incidents recorded before
 * any of this.
 */
class IncidentJudgementTest {

    private static final Instant RECEIVED = NOW.minus(Duration.ofMinutes(19));
    private static final OrganisationProfile CIIO = OrganisationProfile.defaults()
            .withOperatorClass(OperatorClass.CRITICAL_INFORMATION_INFRASTRUCTURE);

    private final MutableClock clock = new MutableClock(NOW);
    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = IncidentFixtures.fixture(clock);
    }

    private static IncidentBasisRecorded basisAt(Instant aware, String reason, String by, OrganisationProfile profile) {
        return new IncidentBasisRecorded(ID, aware, profile.awarenessFrom(), Map.of("test", LocalDate.of(2025, 11, 1)),
                profile.toTerms(), reason, by, NOW);
    }

    @Test
    void clocksRunFromTheReceiptNotFromWhenTheWorkflowGotToIt() {
        Detection late = receivedAt(FIRST, RECEIVED); // received 19 minutes before the workflow processed it
        fixture.givenNoPriorActivity()
                .when(new RecordDetection(ID, late, WINDOW))
                .expectEvents(new IncidentOpened(ID, KEY, NOW, late.id(), "alertmanager", late.upstreamId(), late.harm(),
                                late.severity(), late.title(), late.observedAt(), late.assets(), late.personalDataCategories(), RECEIVED),
                        basisAt(RECEIVED, "opening", Actor.SYSTEM.name(), OrganisationProfile.defaults()),
                        determined("test/art4", RECEIVED.plus(Duration.ofHours(1)), NOW))
                .expectScheduledDeadline(RECEIVED.plus(Duration.ofHours(1)), new ObligationDue("test/art4", RECEIVED.plus(Duration.ofHours(1))));
    }

    @Test
    void anAlertTimePolicyTakesTheAlertsOwnEarlierTime() {
        OrganisationProfile alertTime = OrganisationProfile.defaults().withAwarenessFrom(AwarenessSource.ALERT_TIME);
        fixture = IncidentFixtures.fixture(clock, alertTime);
        Instant observed = FIRST.observedAt(); // 08:00:00, five seconds before the receipt
        fixture.givenNoPriorActivity()
                .when(new RecordDetection(ID, FIRST, WINDOW))
                .expectEvents(opened(), basisAt(observed, "opening", Actor.SYSTEM.name(), alertTime),
                        determined("test/art4", observed.plus(Duration.ofHours(1)), NOW));
    }

    @Test
    void anEarlierReceivedDetectionMovesAwarenessAndTheClocksBack() {
        Detection earlier = receivedAt(detection(KEY, "fp-0", Severity.HIGH), RECEIVED);
        fixture.given(opened(), basis(), art4())
                .when(new RecordDetection(ID, earlier, WINDOW))
                .expectEvents(new DetectionCorrelated(ID, earlier.id(), "alertmanager", "fp-0", earlier.harm(), Severity.HIGH,
                                earlier.title(), earlier.observedAt(), NOW, earlier.assets(), earlier.personalDataCategories(), RECEIVED),
                        basisAt(RECEIVED, "earlier detection " + earlier.id(), Actor.SYSTEM.name(), OrganisationProfile.defaults()),
                        determined("test/art4", RECEIVED.plus(Duration.ofHours(1)), NOW));
    }

    @Test
    void aChangedConfigurationDoesNotMoveARunningClock() {
        fixture = IncidentFixtures.fixture(clock, CIIO); // configured after the incident was opened under the default profile
        fixture.given(opened(), basis(), art4())
                .when(new TriageIncident(ID, TriageVerdict.CONFIRMED, "Real", RESPONDER))
                .expectEvents(new IncidentTriaged(ID, TriageVerdict.CONFIRMED, "Real", "alice", NOW))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theDpoCanApplyTheCurrentProfileWhichIsRecordedWithWhoAndWhy() {
        fixture = IncidentFixtures.fixture(clock, CIIO);
        fixture.given(opened(), basis(), art4())
                .when(new ApplyCurrentProfile(ID, "Designated CIIO on 1 December", DPO))
                .expectEvents(basisAt(NOW, "Designated CIIO on 1 December", "dora", CIIO));
    }

    @Test
    void cannotApplyTheCurrentProfileAsAResponder() {
        fixture.given(opened(), basis(), art4())
                .when(new ApplyCurrentProfile(ID, "Because", RESPONDER))
                .expectNoEvents()
                .expectExceptionMessage("Only the DPO may apply the current organisation profile to an incident");
    }

    @Test
    void cannotWaiveADutyWhoseRuleGivesNoGround() {
        fixture.given(opened(), basis(), art4())
                .when(new WaiveNotification(ID, "test/art4", "measures-avoid-harm", "We are busy", DPO))
                .expectNoEvents()
                .expectException(CommandRejectedException.class)
                .expectExceptionMessage("Obligation test/art4 (Decision Art. 4) cannot be waived: the law gives no ground for it");
    }

    @Test
    void cannotWaiveOnAGroundTheRuleDoesNotListAndTheRefusalListsTheAllowedOnes() {
        fixture.given(opened(), basis(), art4(), determined("test/notice", NOW.plus(Duration.ofHours(24)), NOW))
                .when(new WaiveNotification(ID, "test/notice", "we-decided", "No", DPO))
                .expectNoEvents()
                .expectExceptionMessage("'we-decided' is not a ground for waiving test/notice. Allowed grounds: measures-avoid-harm "
                        + "(PIPL Art. 57 para. 2: the measures taken effectively avoid harm to individuals)");
    }

    @Test
    void aRevokedWaiverReopensTheDutyWithANewClockFromTheRevocation() {
        clock.advance(Duration.ofDays(2));
        Instant later = clock.instant();
        fixture.given(opened(), basis(), art4(), new IncidentTriaged(ID, TriageVerdict.CONFIRMED, "Real", "alice", NOW),
                        new ImpactAssessed(ID, List.of("email"), 10, 10, false, false, List.of("CN"), "", "alice", NOW),
                        determined("test/notice", NOW.plus(Duration.ofHours(24)), NOW),
                        new NotificationWaived(ID, "test/notice", "Encrypted", "dora", NOW, "measures-avoid-harm", "PIPL Art. 57 para. 2"))
                .when(new RevokeWaiver(ID, "test/notice", "The authority requires the notice", DPO))
                .expectEvents(new WaiverRevoked(ID, "test/notice", "The authority requires the notice", "dora", later),
                        new io.breachflow.contracts.incident.NotificationObligationDetermined(ID, "test/notice", IncidentFixtures.NOTICE,
                                io.breachflow.contracts.incident.ObligationKind.DATA_SUBJECT_NOTIFICATION, "data subjects",
                                later.plus(Duration.ofHours(24)), List.of("categories", "contact"), null, later, List.of(IncidentFixtures.AVOIDS_HARM)));
    }

    @Test
    void cannotRevokeAWaiverThatDoesNotStand() {
        fixture.given(opened(), basis(), art4(), determined("test/notice", NOW.plus(Duration.ofHours(24)), NOW))
                .when(new RevokeWaiver(ID, "test/notice", "Why", DPO))
                .expectNoEvents()
                .expectExceptionMessage("Incident " + ID + " has no waived obligation test/notice");
    }

    @Test
    void anAssessedHarmAddsToTheHarmsOfTheAlerts() {
        fixture.given(opened(), basis(), art4(), new IncidentTriaged(ID, TriageVerdict.CONFIRMED, "Real", "alice", NOW))
                .when(new AssessImpact(ID, List.of("email"), 0, 0, false, false, List.of("CN"), "", List.of(HarmKind.TAMPERING),
                        true, Map.of("CN-31", 0L), RESPONDER))
                .expectEvents(new ImpactAssessed(ID, List.of("email"), 0, 0, false, false, List.of("CN"), "", "alice", NOW,
                        List.of(HarmKind.TAMPERING), true, Map.of("CN-31", 0L)));
    }

    @Test
    void anIncidentOpenedBeforeAwarenessWasRecordedGetsItsBasisAtItsNextChangeFromItsOpening() {
        IncidentOpened legacy = new IncidentOpened(ID, KEY, NOW, FIRST.id(), "alertmanager", FIRST.upstreamId(), FIRST.harm(),
                FIRST.severity(), FIRST.title(), FIRST.observedAt(), FIRST.assets(), FIRST.personalDataCategories());
        fixture.given(legacy, art4())
                .when(new TriageIncident(ID, TriageVerdict.CONFIRMED, "Real", RESPONDER))
                .expectEvents(new IncidentTriaged(ID, TriageVerdict.CONFIRMED, "Real", "alice", NOW),
                        basisAt(NOW, "recorded for an incident opened before awareness was recorded", Actor.SYSTEM.name(),
                                OrganisationProfile.defaults()));
    }
}
