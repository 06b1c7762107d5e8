package io.breachflow.workflow.audit;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.workflow.Tokens;
import io.breachflow.workflow.intake.DetectionRouter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.breachflow.workflow.Detections.detection;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "read models rebuildable forever": GET /api/audit/events serves every incident event of the event store,
 * in the store's order, as the records published to Kafka, page after page; a cursor's gaps are delivered again;
 * bad cursors and limits are 400, other roles 403.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_feed"))
class EventFeedTest {

    @Inject
    DetectionRouter router;
    @Inject
    AgroalDataSource dataSource;

    private static JsonPath page(String after, int limit) {
        var request = given().auth().oauth2(Tokens.withGroups("auditor")).queryParam("limit", limit);
        if (after != null) {
            request.queryParam("after", after);
        }
        return request.get("/api/audit/events").then().statusCode(200).extract().jsonPath();
    }

    /** The global indexes of the incidents' events in the store, in its order. */
    private List<Long> storedIncidentEvents(List<String> incidentIds) throws Exception {
        List<Long> indexes = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ANY(?) ORDER BY global_index")) {
            q.setArray(1, c.createArrayOf("text", incidentIds.toArray()));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    indexes.add(r.getLong(1));
                }
            }
        }
        return indexes;
    }

    @Test
    void pagesThroughEveryIncidentEventOfTheStoreInItsOrderAsPublished() throws Exception {
        List<String> incidents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = router.route(detection("test:" + UUID.randomUUID(), "feed-" + UUID.randomUUID(), Severity.HIGH)).incidentId();
            given().auth().oauth2(Tokens.responder()).contentType("application/json")
                    .body(Map.of("verdict", "CONFIRMED", "rationale", "seen in the logs"))
                    .post("/api/incidents/{id}/triage", id).then().statusCode(200);
            incidents.add(id);
        }
        List<Long> read = new ArrayList<>();
        List<Long> previousIndexes = new ArrayList<>();
        String after = null;
        int pages = 0;
        JsonPath page;
        do {
            page = page(after, 2);
            pages++;
            assertThat(page.getList("events")).hasSizeLessThanOrEqualTo(2);
            for (Map<String, Object> record : page.<Map<String, Object>>getList("events")) {
                long index = ((Number) record.get("globalIndex")).longValue();
                assertThat(previousIndexes).allMatch(previous -> previous < index);
                previousIndexes.add(index);
                @SuppressWarnings("unchecked") Map<String, String> headers = (Map<String, String>) record.get("headers");
                @SuppressWarnings("unchecked") Map<String, Object> value = (Map<String, Object>) record.get("value");
                assertThat(headers.get(CloudEventHeaders.SUBJECT)).isEqualTo(record.get("key")).isEqualTo(value.get("incidentId"));
                assertThat(headers.get(CloudEventHeaders.GLOBAL_INDEX)).isEqualTo(Long.toString(index));
                assertThat(headers.get(CloudEventHeaders.TYPE)).startsWith("io.breachflow.");
                if (incidents.contains((String) record.get("key"))) {
                    read.add(index);
                }
            }
            after = page.getString("next");
        } while (!page.getBoolean("complete"));
        assertThat(pages).isGreaterThan(1);
        assertThat(read).isEqualTo(storedIncidentEvents(incidents)).hasSizeGreaterThanOrEqualTo(6);
        assertThat(page.getLong("headGlobalIndex")).isGreaterThanOrEqualTo(read.get(read.size() - 1));
        // At the end: the same cursor answers an empty, complete page.
        JsonPath end = page(after, 10);
        assertThat(end.getBoolean("complete")).isTrue();
        assertThat(end.getList("events")).isEmpty();

        // A gap in the cursor (an event that had not committed when the reader passed its index) is delivered then.
        long first = read.get(0);
        long last = read.get(read.size() - 1);
        JsonPath gap = page(last + "~" + first, 10);
        assertThat(gap.getList("events.globalIndex", Long.class)).startsWith(first);
    }

    @Test
    void refusesBadCursorsLimitsAndOtherRoles() {
        for (String after : List.of("x", "-1", "5~7", "5~", "1~2~3", "99999999999999999999")) {
            given().auth().oauth2(Tokens.withGroups("auditor")).queryParam("after", after).get("/api/audit/events")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        for (String limit : List.of("0", "5001", "many")) {
            given().auth().oauth2(Tokens.withGroups("auditor")).queryParam("limit", limit).get("/api/audit/events")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.responder()).get("/api/audit/events").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).get("/api/audit/events").then().statusCode(403);
        given().get("/api/audit/events").then().statusCode(401);
        given().auth().oauth2(Tokens.dpo()).get("/api/audit/events").then().statusCode(200);
    }
}
