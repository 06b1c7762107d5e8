package io.breachflow.workflow.command;

import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.IncidentGraded;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.OperatorClass;
import io.breachflow.workflow.MutableClock;
import io.breachflow.workflow.rules.OrganisationProfile;
import io.breachflow.workflow.rules.RuleBook;
import io.breachflow.workflow.rules.RuleBookPlanner;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.breachflow.workflow.command.IncidentFixtures.DPO;
import static io.breachflow.workflow.command.IncidentFixtures.FIRST;
import static io.breachflow.workflow.command.IncidentFixtures.ID;
import static io.breachflow.workflow.command.IncidentFixtures.NOW;
import static io.breachflow.workflow.command.IncidentFixtures.RESPONDER;
import static io.breachflow.workflow.command.IncidentFixtures.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case, on the real rule book: a critical-information-infrastructure operator's incident has a 1-hour CAC
 * clock; the service is restarted with another profile (an ordinary operator: 4 hours). The running incident keeps
 * its 1-hour clock, because it is judged by the profile recorded at awareness; only the DPO's recorded re-basing
 * moves it.
 */
class ProfileChangeTest {

    private static final RuleBook BOOK = RuleBook.fromClassPath();
    private static final OrganisationProfile CIIO = OrganisationProfile.defaults()
            .withOperatorClass(OperatorClass.CRITICAL_INFORMATION_INFRASTRUCTURE);
    private static final OrganisationProfile ORDINARY = OrganisationProfile.defaults();
    private static final String CAC_INITIAL = "cac-incident-reporting/initial-report";

    private final MutableClock clock = new MutableClock(NOW);

    private FixtureConfiguration<Incident> configuredAs(OrganisationProfile configured) {
        FixtureConfiguration<Incident> fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new RuleBookPlanner(configured, BOOK));
        fixture.registerInjectableResource(configured);
        return fixture;
    }

    /** The events of an incident opened, confirmed and graded under the CIIO profile, as the event store holds them. */
    private List<Object> openedAsCiio() {
        List<Object> log = new ArrayList<>();
        FixtureConfiguration<Incident> ciio = configuredAs(CIIO);
        ciio.givenNoPriorActivity().when(new RecordDetection(ID, FIRST, WINDOW))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(capture(log));
        return log;
    }

    /** Matches any events and keeps their payloads: the fixture's way to hand over what a command recorded. */
    private static Matcher<List<EventMessage<?>>> capture(List<Object> into) {
        return new CustomTypeSafeMatcher<>("any events, kept") {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                events.forEach(e -> into.add(e.getPayload()));
                return true;
            }
        };
    }

    private static Instant dueOf(List<?> events, String obligationId) {
        return events.stream().filter(NotificationObligationDetermined.class::isInstance).map(NotificationObligationDetermined.class::cast)
                .filter(e -> e.obligationId().equals(obligationId)).reduce((a, b) -> b).orElseThrow().dueAt();
    }

    @Test
    void aRestartWithAnotherProfileKeepsTheCiioOneHourClock() {
        List<Object> log = openedAsCiio();
        List<Object> graded = new ArrayList<>();
        configuredAs(ORDINARY).given(log)
                .when(new GradeIncident(ID, IncidentGrade.RELATIVELY_MAJOR, "1.2 million people", RESPONDER))
                .expectEventsMatching(capture(graded));
        assertThat(dueOf(graded, CAC_INITIAL)).as("CAC Measures Art. 4: a CIIO reports within 1 hour of awareness")
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void theDpoMayApplyTheNewProfileWhichMovesTheClockAndSaysWhoAndWhy() {
        List<Object> log = openedAsCiio();
        log.add(new IncidentGraded(ID, IncidentGrade.RELATIVELY_MAJOR, "1.2 million", "alice", NOW));
        List<Object> rebased = new ArrayList<>();
        configuredAs(ORDINARY).given(log)
                .when(new ApplyCurrentProfile(ID, "No longer a CIIO since the designation was lifted", DPO))
                .expectEventsMatching(capture(rebased));
        IncidentBasisRecorded basis = rebased.stream()
                .filter(IncidentBasisRecorded.class::isInstance)
                .map(IncidentBasisRecorded.class::cast).findFirst().orElseThrow();
        assertThat(basis.recordedBy()).isEqualTo("dora");
        assertThat(basis.reason()).isEqualTo("No longer a CIIO since the designation was lifted");
        assertThat(basis.awareAt()).as("awareness does not move").isEqualTo(NOW);
        assertThat(dueOf(rebased, CAC_INITIAL)).as("an ordinary operator reports within 4 hours").isEqualTo(NOW.plus(Duration.ofHours(4)));
    }
}
