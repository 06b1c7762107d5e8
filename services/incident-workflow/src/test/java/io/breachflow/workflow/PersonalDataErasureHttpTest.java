package io.breachflow.workflow;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.Topics;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.local.kafka.TopicReader;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.service.seal.KeyRing;
import io.breachflow.workflow.intake.DetectionRouter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.breachflow.local.kafka.TopicReader.header;
import static io.breachflow.workflow.Detections.detection;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 9's "done when": responder texts full of personal data (an e-mail address, a phone number, a PRC identity
 * number, a card number) never reach the event store or Kafka in plain text; history and filings show them until
 * the DPO erases the incident's personal data, and show {@code [erased]} after, rebuilt from the log; the keys are
 * destroyed; text written later is readable again (a new key).
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_test"))
class PersonalDataErasureHttpTest {

    private static final String EMAIL = "wang.fang." + digits(6) + "@example.cn";
    private static final String PHONE = "+86 139 " + digits(4) + " " + digits(4);
    private static final String PRC_ID = "1101051990" + digits(7) + "X";
    private static final String CARD = "4111 1111 " + digits(4) + " 1111";
    private static final List<String> PERSONAL = List.of(EMAIL, PHONE, PRC_ID, CARD);

    @Inject
    DetectionRouter router;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String digits(int n) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < n; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    private static void command(String token, String path, String incidentId, Object body) {
        as(token).body(body).post("/api/incidents/{id}/" + path, incidentId).then().statusCode(200);
    }

    private static JsonPath history(String incidentId) {
        return as(Tokens.viewer()).get("/api/incidents/{id}/history", incidentId).then().statusCode(200).extract().jsonPath();
    }

    private static String filing(String incidentId, String kind) {
        return as(Tokens.viewer()).get("/api/incidents/{id}/filings/" + kind, incidentId).then().statusCode(200).extract().asString();
    }

    private static String rawEvents(String incidentId) {
        return as(Tokens.viewer()).get("/api/incidents/{id}/events", incidentId).then().statusCode(200).extract().asString();
    }

    @Test
    void anErasedIncidentShowsNoPersonalDataAnywhere() throws Exception {
        String incidentId = router.route(detection("test:" + UUID.randomUUID(), "erase-" + UUID.randomUUID(), Severity.CRITICAL)).incidentId();
        command(Tokens.responder(), "notes", incidentId, Map.of("noteId", "n-1", "text", "Called " + EMAIL + " back on " + PHONE));
        command(Tokens.responder(), "assign", incidentId, Map.of("assignee", EMAIL));
        command(Tokens.responder(), "measures", incidentId, Map.of("measureId", "m-1", "kind", "REVOKE_CREDENTIALS",
                "description", "Locked the account of ID " + PRC_ID));
        command(Tokens.responder(), "measures/m-1/complete", incidentId, Map.of("outcome", "Card " + CARD + " blocked", "effective", true));
        command(Tokens.responder(), "assessment", incidentId, Map.of("personalDataCategories", List.of("email"),
                "subjectsAffected", 1, "recordsAffected", 1, "sensitiveData", false, "minorsData", false,
                "jurisdictions", List.of("CN"), "likelyConsequences", "Fraud on card " + CARD));
        command(Tokens.responder(), "grade", incidentId, Map.of("grade", "GENERAL", "rationale", "Only " + EMAIL + " is affected"));
        command(Tokens.responder(), "filing-details", incidentId, Map.of("details", Map.of("PLACE", "Desk of " + PHONE)));
        command(Tokens.responder(), "triage", incidentId, Map.of("verdict", "FALSE_POSITIVE", "rationale", "A test export by " + EMAIL));
        command(Tokens.dpo(), "close", incidentId, Map.of("summary", "Closed after a call with " + PHONE));

        JsonPath before = history(incidentId);
        assertThat(before.getString("notes[0].text")).isEqualTo("Called " + EMAIL + " back on " + PHONE);
        assertThat(before.getString("assignment.assignee")).isEqualTo(EMAIL);
        assertThat(before.getString("measures[0].description")).contains(PRC_ID);
        assertThat(before.getString("measures[0].outcome")).contains(CARD);
        assertThat(before.getString("closure.summary")).contains(PHONE);
        assertThat(filing(incidentId, "cac-initial-report")).contains(CARD, PRC_ID);
        assertThat(storedPayloads()).as("the event store holds sealed texts only").doesNotContain(PERSONAL.toArray(String[]::new));

        as(Tokens.responder()).body(Map.of("ground", "DATA_SUBJECT_REQUEST")).post("/api/incidents/{id}/erase-personal-data", incidentId)
                .then().statusCode(403).contentType("application/problem+json");
        as(Tokens.dpo()).body(Map.of("ground", "DATA_SUBJECT_REQUEST", "reference", "Wang Fang"))
                .post("/api/incidents/{id}/erase-personal-data", incidentId)
                .then().statusCode(400).contentType("application/problem+json").body("errors", hasItem(containsString("reference")));
        as(Tokens.dpo()).body(Map.of("reference", "DSR-1")).post("/api/incidents/{id}/erase-personal-data", incidentId)
                .then().statusCode(400).body("errors", hasItem(containsString("ground")));
        command(Tokens.dpo(), "erase-personal-data", incidentId, Map.of("ground", "DATA_SUBJECT_REQUEST", "reference", "DSR-2026-0142"));
        command(Tokens.dpo(), "erase-personal-data", incidentId, Map.of("ground", "DPO_DECISION"));

        JsonPath after = history(incidentId);
        assertThat(after.getList("erasures.reference")).as("a repeated erasure with nothing written since records nothing")
                .containsExactly("DSR-2026-0142");
        assertThat(after.getString("erasures[0].erasedBy")).isEqualTo(Tokens.DPO);
        assertThat(after.getString("notes[0].text")).isEqualTo(KeyRing.ERASED);
        assertThat(after.getString("notes[0].addedBy")).as("actor ids stay: the accountability record").isEqualTo(Tokens.RESPONDER);
        assertThat(after.getString("assignment.assignee")).isEqualTo(KeyRing.ERASED);
        assertThat(after.getString("measures[0].description")).isEqualTo(KeyRing.ERASED);
        assertThat(after.getString("closure.summary")).isEqualTo(KeyRing.ERASED);
        assertThat(after.getString("closure.closedAt")).as("times stay").isEqualTo(before.getString("closure.closedAt"));
        assertThat(after.getString("status")).isEqualTo("CLOSED");
        String erasedFiling = filing(incidentId, "cac-initial-report");
        assertThat(erasedFiling).contains(KeyRing.ERASED).doesNotContain(PERSONAL.toArray(String[]::new));
        assertThat(rawEvents(incidentId)).contains(KeyRing.ERASED).doesNotContain(PERSONAL.toArray(String[]::new));
        assertThat(after.toString()).doesNotContain(PERSONAL.toArray(String[]::new));
        assertThat(liveAndDestroyedKeys(incidentId)).as("every key of the incident is destroyed").containsExactly(0, 1);

        try (TopicReader topic = new TopicReader(bootstrapServers, Topics.INCIDENT_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> published = await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .until(() -> topic.poll().stream().filter(r -> incidentId.equals(r.key())).toList(),
                            records -> records.stream().anyMatch(r -> header(r, CloudEventHeaders.TYPE).orElse("").endsWith("personal-data-erased.v1")));
            assertThat(published).hasSizeGreaterThan(10);
            for (ConsumerRecord<String, byte[]> record : topic.readToEnd()) {
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(PERSONAL.toArray(String[]::new));
            }
        }

        command(Tokens.responder(), "notes", incidentId, Map.of("noteId", "n-2", "text", "Follow-up written after the erasure"));
        assertThat(history(incidentId).getString("notes[1].text")).as("a new key seals text written after an erasure")
                .isEqualTo("Follow-up written after the erasure");
        assertThat(liveAndDestroyedKeys(incidentId)).containsExactly(1, 1);
    }

    /** Every payload and metadata in the event store, as text. */
    private String storedPayloads() throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT convert_from(payload, 'UTF8') || coalesce(convert_from(meta_data, 'UTF8'), '') FROM domain_event_entry");
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                all.append(r.getString(1)).append('\n');
            }
        }
        return all.toString();
    }

    /** How many keys of the incident are live and how many destroyed (secret NULL). */
    private List<Integer> liveAndDestroyedKeys(String incidentId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT count(*) FILTER (WHERE secret IS NOT NULL), count(*) FILTER (WHERE secret IS NULL) FROM incident_data_key WHERE incident_id = ?")) {
            q.setString(1, incidentId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return new ArrayList<>(List.of(r.getInt(1), r.getInt(2)));
            }
        }
    }
}
