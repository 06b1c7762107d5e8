package io.breachflow.dashboard.api;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentOpened;
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
import java.util.List;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** The query API over views built from real events: listing, filtering, refusals as problems, health, OpenAPI. */
@QuarkusTest
@DashboardInfrastructure
class IncidentResourceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void listsNewestFirstAndFiltersByStatus() {
        // Far in the future, so that these two are the newest of any test's incidents.
        Instant later = Instant.parse("2099-01-01T00:00:00Z");
        String open = Events.newIncidentId();
        String confirmed = Events.newIncidentId();
        IncidentEventsTopic.publish(Events.opened(open, Severity.LOW, later.plusSeconds(60)), 0);
        IncidentEventsTopic.publish(Events.opened(confirmed, Severity.HIGH, later), 0);
        IncidentEventsTopic.publish(Events.triaged(confirmed, TriageVerdict.CONFIRMED, "confirmed by the CRM team"), 1);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", confirmed).then()
                .statusCode(200).body("status", equalTo("CONFIRMED")));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", open).then().statusCode(200));

        List<String> newest = given().get("/api/incidents?limit=2").then()
                .statusCode(200).contentType("application/json").body("count", equalTo(2))
                .extract().jsonPath().getList("items.id");
        assertThat(newest).containsExactly(open, confirmed);

        given().get("/api/incidents?status=OPEN&limit=500").then().statusCode(200)
                .body("items.id", hasItem(open)).body("items.id", not(hasItem(confirmed)))
                .body("items.status", not(hasItem("CONFIRMED")));
        given().get("/api/incidents?status=CONFIRMED").then().statusCode(200)
                .body("items.id", hasItem(confirmed)).body("items.id", not(hasItem(open)));
    }

    @Test
    void refusesABadLimitStatusOrOverdueWithAProblem() {
        for (String limit : List.of("0", "501", "ten", "-3")) {
            given().get("/api/incidents?limit=" + limit).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("type", equalTo("https://breachflow.io/problems/invalid-request"))
                    .body("detail", containsString("limit"));
        }
        given().get("/api/incidents?status=ESCALATED").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("ESCALATED"));
        given().get("/api/incidents?overdue=yes").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("overdue"));
    }

    @Test
    void answersAnUnknownIncidentWithA404Problem() {
        given().get("/api/incidents/{id}", "inc-that-never-was").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("https://breachflow.io/problems/not-found"));
    }

    @Test
    void isReadyWhenTheConsumerPollsAndTheDatabaseAnswers() {
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'incident-events-consumer' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'incident-events-consumer' }.data.partitions", equalTo(3)));
    }

    @Test
    void documentsTheApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Breachflow status-dashboard"))
                .body("paths", hasKey("/api/incidents/{id}"))
                .body("paths.'/api/incidents'.get.parameters.name", hasItems("status", "assignee", "overdue", "limit"))
                .body("components.schemas.Incident.properties", hasKey("nextDeadline"))
                .body("components.schemas.Incident.properties", hasKey("obligations"))
                .body("components.schemas.Incident.properties", hasKey("awareAt"))
                .body("components.schemas.Incident.properties", hasKey("receivedAt"))
                .body("components.schemas.Incident.properties", hasKey("observedAt"))
                .body("components.schemas.Incident.properties", hasKey("harms"))
                .body("components.schemas.Obligation.properties", hasKey("waiverGround"));
    }

    @Test
    void showsAwarenessTheFirstDetectionsTimesHarmsAndRecordedDecisions() {
        String id = Events.newIncidentId();
        Instant opened = Instant.parse("2026-05-04T10:00:00Z");
        Instant received = opened.minusSeconds(900);
        Instant aware = received.minusSeconds(3_600);
        Instant due = aware.plusSeconds(72 * 3_600);
        IncidentEventsTopic.publish(new IncidentOpened(id, "k", opened, "det-0", "wazuh", "u-0", HarmKind.DISCLOSURE,
                Severity.HIGH, "shared folder public", received.minusSeconds(20), List.of(), List.of(), received), 0);
        IncidentEventsTopic.publish(LifecycleEvents.basis(id, aware, "earlier detection det-3", opened), 1);
        IncidentEventsTopic.publish(new ImpactAssessed(id, List.of("email"), 5, 5, false, false, List.of("CN"), "low",
                "dpo@example.org", opened.plusSeconds(60), List.of(HarmKind.LOSS), null, null), 2);
        IncidentEventsTopic.publish(LifecycleEvents.obligation(id, "cac", ObligationKind.REGULATOR_NOTIFICATION, "CAC",
                due, opened.plusSeconds(61)), 3);
        IncidentEventsTopic.publish(LifecycleEvents.waivedOnGround(id, "cac", "measures-avoid-harm",
                opened.plusSeconds(62)), 4);
        IncidentEventsTopic.publish(LifecycleEvents.filingDetails(id, opened.plusSeconds(63)), 5);

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", id).then()
                .statusCode(200).body("lastSequence", equalTo(5)));
        given().get("/api/incidents/{id}", id).then()
                .body("openedAt", equalTo(opened.toString()))
                .body("awareAt", equalTo(aware.toString()))
                .body("awarenessFrom", equalTo("RECEIPT"))
                .body("receivedAt", equalTo(received.toString()))
                .body("observedAt", equalTo(received.minusSeconds(20).toString()))
                .body("harms", contains("DISCLOSURE", "LOSS"))
                .body("obligations[0].dueAt", equalTo(due.toString()))
                .body("obligations[0].state", equalTo("WAIVED"))
                .body("obligations[0].waiverGround", equalTo("measures-avoid-harm"));
        given().get("/api/incidents?limit=500").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.awareAt", equalTo(aware.toString()))
                .body("items.find { it.id == '" + id + "' }.harms", contains("DISCLOSURE", "LOSS"));
        given().get("/api/incidents/{id}/timeline", id).then().statusCode(200)
                .body("items[5].summary", equalTo("Filing details provided by dpo@example.org: place, perpetrator findings"));
    }
}
