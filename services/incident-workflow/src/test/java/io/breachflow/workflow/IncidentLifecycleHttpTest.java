package io.breachflow.workflow;

import io.breachflow.contracts.detection.Severity;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.workflow.intake.DetectionRouter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.breachflow.workflow.Detections.detection;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A breach driven by HTTP calls alone, from its first detection to closure, on the real rule sets, event store and
 * deadline manager: people in China, the EU, Singapore and the US are affected, so the 2012 Decision, PIPL, the CAC
 * measures, GDPR, PDPA and HIPAA all impose obligations; each is met by a notification or waived by the DPO; then
 * the CAC final report, resolution and closure. The history as of an earlier moment and the filings come from the log.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_test"))
class IncidentLifecycleHttpTest {

    @Inject
    DetectionRouter router;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    private static void command(String token, String path, String incidentId, Object body) {
        as(token).body(body).post("/api/incidents/{id}/" + path, incidentId).then().statusCode(200);
    }

    private static JsonPath history(String incidentId, Instant asOf) {
        RequestSpecification request = as(Tokens.viewer());
        if (asOf != null) {
            request = request.queryParam("asOf", asOf.toString());
        }
        return request.get("/api/incidents/{id}/history", incidentId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aBreachCanBeDrivenFromAlertToClosureOverHttp() throws Exception {
        String incidentId = router.route(detection("test:" + UUID.randomUUID(), "fp-1", Severity.CRITICAL)).incidentId();
        assertThat(obligationIds(history(incidentId, null))).as("a suspicion already starts the Art. 4 duty")
                .contains("npcsc-2012/art4-remedial-measures");

        command(Tokens.responder(), "triage", incidentId, Map.of("verdict", "CONFIRMED", "rationale", "Export reached an unknown host"));
        command(Tokens.responder(), "assign", incidentId, Map.of("assignee", "li.wei@example.org"));
        command(Tokens.responder(), "measures", incidentId, Map.of("measureId", "m-1", "kind", "REVOKE_CREDENTIALS",
                "description", "Rotate the export account's keys"));
        command(Tokens.responder(), "measures/m-1/complete", incidentId, Map.of("outcome", "Old keys revoked", "effective", true));
        command(Tokens.responder(), "assessment", incidentId, Map.of("personalDataCategories", List.of("email", "health"),
                "subjectsAffected", 1_200_000, "recordsAffected", 1_500_000, "sensitiveData", true, "minorsData", false,
                "jurisdictions", List.of("CN", "EU", "SG", "US"), "likelyConsequences", "Phishing; disclosure of health data"));
        command(Tokens.responder(), "grade", incidentId, Map.of("grade", "RELATIVELY_MAJOR", "rationale", "1.2 million people"));

        JsonPath assessed = history(incidentId, null);
        assertThat(obligationIds(assessed)).contains("pipl/art57-authority", "pipl/art57-individuals",
                "cac-incident-reporting/initial-report", "gdpr/art33-supervisory-authority", "gdpr/art34-data-subjects",
                "sg-pdpa/s26D-commission", "hipaa/164.404-individuals");
        assertThat(stateOf(assessed, "npcsc-2012/art4-remedial-measures")).isEqualTo("FULFILLED");

        as(Tokens.responder()).body(Map.of("ground", "art34-3-a", "rationale", "Encrypted at rest"))
                .post("/api/incidents/{id}/obligations/{o}/waive", incidentId, "gdpr/art34-data-subjects")
                .then().statusCode(403).contentType("application/problem+json");
        as(Tokens.dpo()).body(Map.of("ground", "no-such-ground", "rationale", "We decided so"))
                .post("/api/incidents/{id}/obligations/{o}/waive", incidentId, "gdpr/art34-data-subjects")
                .then().statusCode(409).body("type", containsString("waiver-ground-not-allowed"))
                .body("detail", containsString("art34-3-a"));
        as(Tokens.dpo()).body(Map.of("ground", "measures-avoid-harm", "rationale", "Nobody may waive the CAC report"))
                .post("/api/incidents/{id}/obligations/{o}/waive", incidentId, "cac-incident-reporting/initial-report")
                .then().statusCode(409).body("type", containsString("waiver-not-allowed"));
        as(Tokens.dpo()).body(Map.of("ground", "art34-3-a", "rationale", "Health records were encrypted; keys not exposed (GDPR Art. 34(3)(a))"))
                .post("/api/incidents/{id}/obligations/{o}/waive", incidentId, "gdpr/art34-data-subjects")
                .then().statusCode(200);

        String report = "Initial report to the provincial CAC: unit, system, time, type, grade …";
        for (Map<String, Object> obligation : openObligations(history(incidentId, null))) {
            String id = (String) obligation.get("obligationId");
            switch ((String) obligation.get("kind")) {
                case "REGULATOR_NOTIFICATION" -> command(Tokens.responder(), "notifications/regulator", incidentId, Map.of(
                        "obligationId", id, "authority", obligation.get("recipient"), "phase", "INITIAL", "reference", "R-" + id,
                        "content", report));
                case "DATA_SUBJECT_NOTIFICATION" -> command(Tokens.responder(), "notifications/data-subjects", incidentId, Map.of(
                        "obligationId", id, "channel", "e-mail", "subjectsNotified", 1_200_000, "content", "Dear customer, …"));
                default -> { }
            }
        }
        Instant beforeResolution = Instant.now();
        as(Tokens.dpo()).body(Map.of("summary", "Handled")).post("/api/incidents/{id}/close", incidentId)
                .then().statusCode(409).body("type", containsString("wrong-state"));

        command(Tokens.responder(), "resolve", incidentId, Map.of("rootCause", "An API key leaked in a public repository"));
        as(Tokens.dpo()).body(Map.of("summary", "Handled")).post("/api/incidents/{id}/close", incidentId)
                .then().statusCode(409).body("type", containsString("obligations-open"))
                .body("detail", containsString("cac-incident-reporting/final-report"));
        command(Tokens.responder(), "notifications/regulator", incidentId, Map.of("obligationId", "cac-incident-reporting/final-report",
                "authority", "Provincial CAC", "phase", "FINAL", "reference", "R-final", "content", "Final summary …"));
        as(Tokens.responder()).body(Map.of("summary", "Handled")).post("/api/incidents/{id}/close", incidentId)
                .then().statusCode(403);
        command(Tokens.dpo(), "close", incidentId, Map.of("summary", "Handled; all authorities and people informed"));

        JsonPath closed = history(incidentId, null);
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(openObligations(closed)).isEmpty();
        assertThat(closed.getString("closure.closedBy")).isEqualTo(Tokens.DPO);
        assertThat(closed.getList("notifications.contentSha256", String.class)).contains(sha256(report));
        assertThat(history(incidentId, beforeResolution).getString("status")).as("as it was known before resolution").isEqualTo("CONFIRMED");

        as(Tokens.viewer()).get("/api/incidents/{id}/filings/cac-initial-report", incidentId)
                .then().statusCode(200).body("incidentId", equalTo(incidentId));
        as(Tokens.viewer()).accept("text/markdown").get("/api/incidents/{id}/filings/gdpr-art33-5-register-entry", incidentId)
                .then().statusCode(200).body(containsString("#"));
    }

    private static List<String> obligationIds(JsonPath record) {
        return record.getList("obligations.obligationId", String.class);
    }

    private static String stateOf(JsonPath record, String obligationId) {
        return record.getString("obligations.find { it.obligationId == '" + obligationId + "' }.state");
    }

    private static List<Map<String, Object>> openObligations(JsonPath record) {
        return record.<Map<String, Object>>getList("obligations").stream().filter(o -> "OPEN".equals(o.get("state"))).toList();
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
    }
}
