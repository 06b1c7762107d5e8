package io.breachflow.dashboard.api;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.breachflow.dashboard.testing.LifecycleEvents;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** The timeline of an incident, the clocks across incidents and the metrics, from real records on the topic. */
@QuarkusTest
@DashboardInfrastructure
class TimelineClocksMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void theTimelineHasASentenceAndThePayloadOfEveryEventInSequence() {
        String id = Events.newIncidentId();
        List<IncidentEvent> events = LifecycleEvents.oneOfEach(id);
        for (int i = 0; i < events.size(); i++) {
            IncidentEventsTopic.publish(events.get(i), i);
        }
        IncidentEventsTopic.publish(events.get(2), 2); // redelivered: no second row
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}/timeline", id).then()
                .statusCode(200).body("incidentId", equalTo(id)).body("items.size()", equalTo(events.size())));
        given().get("/api/incidents/{id}/timeline", id).then()
                .body("items[2].sequence", equalTo(2))
                .body("items[2].type", equalTo("io.breachflow.incident.triaged.v1"))
                .body("items[2].summary", equalTo("Triaged as CONFIRMED by dpo@example.org: real"))
                .body("items[2].actor", equalTo("dpo@example.org"))
                .body("items[2].data.verdict", equalTo("CONFIRMED"))
                .body("items[2].occurredAt", equalTo(Events.OPENED_AT.plus(1, ChronoUnit.HOURS).toString()))
                .body("items[15].summary", equalTo("Deadline missed: report to the CAC"));
        given().get("/api/incidents/{id}/timeline", "inc-never").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void clocksListOpenObligationsAcrossIncidentsEarliestFirst() {
        String id = Events.newIncidentId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        IncidentEventsTopic.publish(Events.opened(id, Severity.HIGH, now), 0);
        IncidentEventsTopic.publish(LifecycleEvents.obligation(id, "late", ObligationKind.REMEDIAL_MEASURE, "the controller",
                now.minus(1, ChronoUnit.HOURS), now), 1);
        IncidentEventsTopic.publish(LifecycleEvents.obligation(id, "cac", ObligationKind.REGULATOR_NOTIFICATION, "CAC",
                now.plus(1, ChronoUnit.HOURS), now), 2);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", id).then().statusCode(200)
                .body("lastSequence", equalTo(2)));

        List<String> open = given().get("/api/clocks?state=open&limit=500").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.incidentId == '" + id + "' }.obligationId", String.class);
        assertThat(open).containsExactly("late", "cac");
        given().get("/api/clocks?state=overdue&limit=500").then().statusCode(200)
                .body("items.findAll { it.incidentId == '" + id + "' }.obligationId", equalTo(List.of("late")))
                .body("items.find { it.incidentId == '" + id + "' }.overdue", equalTo(true))
                .body("items.find { it.incidentId == '" + id + "' }.incidentTitle", equalTo("CRM export reachable without login"))
                .body("items.find { it.incidentId == '" + id + "' }.citation", equalTo("PIPL Art. 57"));
        int secondsLeft = given().get("/api/clocks?limit=500").then().extract().jsonPath()
                .getInt("items.find { it.obligationId == 'cac' && it.incidentId == '" + id + "' }.secondsLeft");
        assertThat(secondsLeft).isBetween(3000, 3600);
        List<String> dues = given().get("/api/clocks?state=all&limit=500").then().statusCode(200)
                .extract().jsonPath().getList("items.dueAt", String.class);
        assertThat(dues).isSortedAccordingTo(Comparator.comparing(Instant::parse));
        given().get("/api/clocks?state=late").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/clocks?limit=0").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void metricsMeasureFromOpeningAndCountBySourceAndHarm() {
        String source = "metrics-" + UUID.randomUUID();
        String id = Events.newIncidentId();
        Instant opened = Instant.parse("2026-11-23T10:00:00Z"); // ISO week 2026-W48
        IncidentEventsTopic.publish(new IncidentOpened(id, "k", opened, "d", source, "u", HarmKind.LOSS, Severity.LOW,
                "t", opened, List.of(), List.of()), 0);
        IncidentEventsTopic.publish(new IncidentTriaged(id, TriageVerdict.FALSE_POSITIVE, "test data", "alice",
                opened.plusSeconds(90)), 1);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/metrics").then().statusCode(200)
                .body("incidentsBySource." + "'" + source + "'", equalTo(1)));
        given().get("/api/metrics").then().statusCode(200)
                .body("timeToTriage.count", greaterThanOrEqualTo(1))
                .body("timeToTriage.medianSeconds", notNullValue())
                .body("$", hasKey("timeToFirstMeasure")).body("$", hasKey("timeToContainment"))
                .body("$", hasKey("timeToRegulatorNotification"))
                .body("falsePositiveRate", notNullValue())
                .body("incidentsByHarm.LOSS", greaterThanOrEqualTo(1))
                .body("incidentsByWeek.week", hasItem("2026-W48"))
                .body("projectionLagSeconds", notNullValue())
                .body("lastEventAt", notNullValue())
                .body("incidentsBySource", not(hasKey("null")));
    }

    @Test
    void documentsEveryNewEndpoint() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/incidents/{id}/timeline")).body("paths", hasKey("/api/clocks"))
                .body("paths", hasKey("/api/metrics")).body("paths", hasKey("/api/admin/rebuild"))
                .body("paths.'/api/admin/rebuild'", hasKey("post")).body("paths.'/api/admin/rebuild'", hasKey("get"))
                .body("paths.'/api/incidents'.get.parameters.name",
                        hasItems("harm", "severity", "source", "sort", "cursor"))
                .body("components.schemas.IncidentList.properties", hasKey("nextCursor"));
    }
}
