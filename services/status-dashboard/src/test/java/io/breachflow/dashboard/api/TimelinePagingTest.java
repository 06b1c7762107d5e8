package io.breachflow.dashboard.api;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** Issue 10: the timeline comes in pages, bounded in items and in size, and refuses what it did not give out. */
@QuarkusTest
@DashboardInfrastructure
class TimelinePagingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void pagesFollowTheCursorToTheEnd() {
        String id = published(5, "CRM export downloaded");
        given().queryParam("limit", 2).get("/api/incidents/{id}/timeline", id).then().statusCode(200)
                .body("items.sequence", contains(0, 1)).body("nextCursor", equalTo("1"));
        given().queryParam("limit", 2).queryParam("cursor", "1").get("/api/incidents/{id}/timeline", id).then()
                .statusCode(200).body("items.sequence", contains(2, 3)).body("nextCursor", equalTo("3"));
        given().queryParam("limit", 2).queryParam("cursor", "3").get("/api/incidents/{id}/timeline", id).then()
                .statusCode(200).body("items.sequence", contains(4)).body("nextCursor", nullValue());
        given().get("/api/incidents/{id}/timeline", id).then().statusCode(200)
                .body("items", hasSize(5)).body("nextCursor", nullValue());
    }

    @Test
    void aPageEndsBeforeItsEventsExceedTheSizeBound() {
        // A small opening, then three detections of ~400 KB: two of them fit in the default 1M, the third starts a page.
        String id = published(4, "x".repeat(400_000));
        given().get("/api/incidents/{id}/timeline", id).then().statusCode(200)
                .body("items.sequence", contains(0, 1, 2)).body("nextCursor", equalTo("2"));
        given().queryParam("cursor", "2").get("/api/incidents/{id}/timeline", id).then().statusCode(200)
                .body("items.sequence", contains(3)).body("nextCursor", nullValue());
    }

    @Test
    void aBadLimitOrCursorIsAProblemNamingIt() {
        String id = published(1, "CRM export downloaded");
        for (String limit : List.of("0", "201", "ten")) {
            given().queryParam("limit", limit).get("/api/incidents/{id}/timeline", id).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("limit"));
        }
        for (String cursor : List.of("abc", "-4", "MTIz'; DROP")) {
            given().queryParam("cursor", cursor).get("/api/incidents/{id}/timeline", id).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("cursor"));
        }
    }

    /** An incident of {@code events} events: opened, then detections titled {@code title}; returns its id. */
    private static String published(int events, String title) {
        String id = Events.newIncidentId();
        IncidentEventsTopic.publish(Events.opened(id, Severity.HIGH), 0);
        for (int sequence = 1; sequence < events; sequence++) {
            IncidentEventsTopic.publish(new DetectionCorrelated(id, "det-" + sequence, "grafana", "fp-" + sequence,
                    HarmKind.DISCLOSURE, Severity.HIGH, title, Events.OPENED_AT, Events.OPENED_AT.plusSeconds(sequence),
                    List.of("crm-db"), List.of("email")), sequence);
        }
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", id).then()
                .statusCode(200).body("lastSequence", equalTo(events - 1)));
        return id;
    }
}
