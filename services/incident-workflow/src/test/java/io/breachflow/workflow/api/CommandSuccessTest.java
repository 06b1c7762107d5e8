package io.breachflow.workflow.api;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.workflow.Tokens;
import io.breachflow.workflow.intake.DetectionRouter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.breachflow.workflow.Detections.detection;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * What the API adds on the way to the aggregate, seen in the event store: ids it generates and returns, retries that
 * record nothing twice, notification content that is hashed and never stored, and the caller on every event.
 * (The whole lifecycle over HTTP, with the rule sets, is {@code IncidentLifecycleHttpTest}.)
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_test"))
class CommandSuccessTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    DetectionRouter router;
    @Inject
    AgroalDataSource dataSource;

    private static ValidatableResponse command(String token, String incidentId, String action, Object body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/incidents/" + incidentId + "/" + action).then().statusCode(200)
                .body("incidentId", equalTo(incidentId));
    }

    private String confirmedIncident() {
        String incidentId = router.route(detection("test:" + UUID.randomUUID(), "fp-1", Severity.HIGH)).incidentId();
        command(Tokens.responder(), incidentId, "triage", Map.of("verdict", "CONFIRMED", "rationale", "Confirmed with the DBA"));
        return incidentId;
    }

    @Test
    void measuresAndNotesGetAnIdWhenTheCallerGivesNoneAndRetriesRecordNothingTwice() throws Exception {
        String incidentId = confirmedIncident();
        String measureId = command(Tokens.responder(), incidentId, "measures", Map.of("kind", "CONTAIN", "description", "Block the host"))
                .body("measureId", matchesPattern(UUID_PATTERN)).body("actor", equalTo(Tokens.RESPONDER))
                .extract().path("measureId");
        command(Tokens.responder(), incidentId, "measures", Map.of("measureId", measureId, "kind", "CONTAIN", "description", "Block the host"))
                .body("measureId", equalTo(measureId));
        command(Tokens.responder(), incidentId, "notes", Map.of("text", "Host blocked at 08:12"))
                .body("noteId", matchesPattern(UUID_PATTERN));
        for (int attempt = 0; attempt < 2; attempt++) {
            command(Tokens.responder(), incidentId, "notes", Map.of("noteId", "call-with-dba", "text", "DBA confirms"))
                    .body("noteId", equalTo("call-with-dba"));
        }
        assertThat(eventTypes(incidentId)).filteredOn("RemedialMeasureStarted"::equals).hasSize(1);
        assertThat(eventTypes(incidentId)).filteredOn("NoteAdded"::equals).hasSize(2);
    }

    @Test
    void notificationContentIsHashedAndNeverStored() throws Exception {
        String incidentId = confirmedIncident();
        command(Tokens.responder(), incidentId, "assessment", Map.of("personalDataCategories", List.of("phone_number"),
                "subjectsAffected", 300, "recordsAffected", 300, "sensitiveData", false, "minorsData", false,
                "jurisdictions", List.of("cn"), "likelyConsequences", "Fraud calls"));
        String personalData = "Zhang San, 138-0013-" + UUID.randomUUID();
        String content = "Dear customer: your phone number was exposed. Records concerned: " + personalData;
        command(Tokens.responder(), incidentId, "notifications/regulator", Map.of("obligationId", "pipl/art57-authority",
                "authority", "CAC", "phase", "INITIAL", "content", content))
                .body("obligationId", equalTo("pipl/art57-authority"))
                .body("contentSha256", equalTo(ContentDigest.sha256(content, null)));
        String sha256 = "AB".repeat(32);
        command(Tokens.responder(), incidentId, "notifications/data-subjects", Map.of("obligationId", "pipl/art57-individuals",
                "channel", "sms", "subjectsNotified", 300, "contentSha256", sha256))
                .body("contentSha256", equalTo("ab".repeat(32)));

        String log = String.join("\n", payloads(incidentId));
        assertThat(log).contains(ContentDigest.sha256(content, null), "ab".repeat(32)).doesNotContain(personalData);
    }

    @Test
    void theCallerIsNamedOnEveryEventOfItsCommands() throws Exception {
        String incidentId = confirmedIncident();
        command(Tokens.responder(), incidentId, "resolve", Map.of("rootCause", "Over-broad export rights"));
        command(Tokens.dpo(), incidentId, "reopen", Map.of("reason", "Seen again")).body("actor", equalTo(Tokens.DPO));
        assertThat(eventTypes(incidentId)).contains("IncidentTriaged", "IncidentResolved", "IncidentReopened");
        assertThat(actorOfLast(incidentId, "IncidentTriaged")).isEqualTo(Tokens.RESPONDER);
        assertThat(actorOfLast(incidentId, "IncidentResolved")).isEqualTo(Tokens.RESPONDER);
        assertThat(actorOfLast(incidentId, "IncidentReopened")).isEqualTo(Tokens.DPO);
    }

    private List<String> eventTypes(String incidentId) throws SQLException {
        // payload_type is the CloudEvents type (docs/EVENTS.md); named here by its record for readable assertions
        return query(incidentId, "payload_type").stream()
                .map(type -> CloudEventTypes.incidentEventClass(type).map(Class::getSimpleName).orElse(type)).toList();
    }

    private List<String> payloads(String incidentId) throws SQLException {
        return query(incidentId, "payload");
    }

    /** The {@code actor} metadata of the incident's last event of a type (raw JSON, read with a simple match). */
    private String actorOfLast(String incidentId, String type) throws SQLException {
        List<String> types = eventTypes(incidentId);
        String metadata = query(incidentId, "meta_data").get(types.lastIndexOf(type));
        var matcher = java.util.regex.Pattern.compile("\"actor\"\\s*:\\s*\"([^\"]*)\"").matcher(metadata);
        return matcher.find() ? matcher.group(1) : null;
    }

    private List<String> query(String incidentId, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT " + column
                     + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            statement.setString(1, incidentId);
            List<String> values = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    Object value = rows.getObject(1);
                    values.add(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value));
                }
            }
            return values;
        }
    }
}
