package io.breachflow.dashboard.consume;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * Issue 10: a NUL (or another control character) in an event's texts made PostgreSQL refuse the row and the
 * dashboard dead-letter the incident, so a CRITICAL incident never reached the board. Now the texts are stored
 * without them, and the incident appears.
 */
@QuarkusTest
@DashboardInfrastructure
class ControlCharacterTextsTest {

    private static final String CONTROLS = "\u0000\u0001\u001b[31m\u007f\u0085\u009f";

    @Test
    void anIncidentWithControlCharactersInEveryTextAppearsWithoutThem() {
        String id = Events.newIncidentId();
        IncidentEventsTopic.publish(new IncidentOpened(id, "key" + CONTROLS, Events.OPENED_AT, "det" + CONTROLS,
                "alertmanager" + CONTROLS, "fp" + CONTROLS, HarmKind.DISCLOSURE, Severity.CRITICAL,
                "CRM export" + CONTROLS + " reachable", Events.OPENED_AT.minusSeconds(40),
                List.of("crm-db" + CONTROLS), List.of("email" + CONTROLS), Events.OPENED_AT), 0);
        IncidentEventsTopic.publish(new DetectionCorrelated(id, "det-2" + CONTROLS, "grafana" + CONTROLS, "fp-2\u0000",
                HarmKind.DISCLOSURE, Severity.CRITICAL, "downloaded\u0000 again", Events.OPENED_AT,
                Events.OPENED_AT.plusSeconds(60), List.of("crm-db\u0000"), List.of("phone\u0000")), 1);
        IncidentEventsTopic.publish(Events.triaged(id, TriageVerdict.CONFIRMED, "confirmed\u0000 by\tthe DBA\n"), 2);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/incidents/{id}", id).then()
                .statusCode(200).body("lastSequence", equalTo(2)));
        given().get("/api/incidents/{id}", id).then().statusCode(200)
                .body("title", equalTo("CRM export[31m reachable"))
                .body("severity", equalTo("CRITICAL"))
                .body("sourceSystem", equalTo("alertmanager[31m"));
        given().get("/api/incidents/{id}/timeline", id).then().statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].data.title", equalTo("CRM export[31m reachable"))
                .body("items[0].data.assets", hasItem("crm-db[31m"))
                .body("items[2].data.rationale", equalTo("confirmed by\tthe DBA\n"))
                .body("items.summary.toString()", not(containsString("\u0000")));
        given().queryParam("severity", "CRITICAL").queryParam("limit", 500).get("/api/incidents").then()
                .statusCode(200).body("items.id", hasItem(id));
    }
}
