package io.breachflow.workflow.correlation;

import io.breachflow.workflow.MutableClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The Correlation aggregate decides which incident a correlation key's detections join. */
class CorrelationTest {

    private static final String KEY = "alertmanager:group-1";
    private static final Instant NOW = Instant.parse("2026-11-30T08:00:05Z");
    private static final String FIRST = Correlation.incidentIdFor(KEY, 1);
    private static final String SECOND = Correlation.incidentIdFor(KEY, 2);

    private FixtureConfiguration<Correlation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Correlation.class);
        fixture.registerInjectableResource(new MutableClock(NOW));
    }

    @Test
    void canAssignTheFirstIncidentOfANewKey() {
        fixture.givenNoPriorActivity()
                .when(new AssignIncident(KEY))
                .expectEvents(new CorrelationIncidentAssigned(KEY, FIRST, 1, NOW))
                .expectResultMessagePayload(FIRST);
    }

    @Test
    void canAnswerTheCurrentIncidentWithoutWritingAnything() {
        fixture.given(new CorrelationIncidentAssigned(KEY, FIRST, 1, NOW))
                .when(new AssignIncident(KEY))
                .expectNoEvents()
                .expectResultMessagePayload(FIRST);
    }

    @Test
    void canStartTheNextIncidentWhenTheCurrentOneExpired() {
        fixture.given(new CorrelationIncidentAssigned(KEY, FIRST, 1, NOW))
                .when(new StartNextIncident(KEY, FIRST))
                .expectEvents(new CorrelationIncidentAssigned(KEY, SECOND, 2, NOW))
                .expectResultMessagePayload(SECOND);
    }

    @Test
    void cannotStartTheNextIncidentTwiceForOneExpiry() {
        fixture.given(new CorrelationIncidentAssigned(KEY, FIRST, 1, NOW), new CorrelationIncidentAssigned(KEY, SECOND, 2, NOW))
                .when(new StartNextIncident(KEY, FIRST))
                .expectNoEvents()
                .expectResultMessagePayload(SECOND);
    }

    @Test
    void derivesStableDistinctIncidentIds() {
        assertThat(Correlation.incidentIdFor(KEY, 1)).isEqualTo(FIRST).isNotEqualTo(SECOND);
        assertThat(Correlation.incidentIdFor("other", 1)).isNotEqualTo(FIRST);
    }
}
