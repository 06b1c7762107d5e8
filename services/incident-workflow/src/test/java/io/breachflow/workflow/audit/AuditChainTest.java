package io.breachflow.workflow.audit;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.workflow.Tokens;
import io.breachflow.workflow.intake.DetectionRouter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.breachflow.workflow.Detections.detection;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "a verifiable log": every event is chained (migration V5); the auditor verifies an incident or the store
 * and exports an evidence bundle that the JDK-only verifier in contracts accepts, and that names the event when one
 * byte is altered; an event edited behind the system's back is named exactly; an erasure leaves the chain valid.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_audit"))
class AuditChainTest {

    static final Path VERIFIER = Path.of("../../contracts/src/main/java/io/breachflow/contracts/audit/VerifyEvidence.java");

    @Inject
    DetectionRouter router;
    @Inject
    AgroalDataSource dataSource;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    private static void command(String token, String incidentId, String path, Object body) {
        as(token).body(body).post("/api/incidents/{id}/" + path, incidentId).then().statusCode(200);
    }

    private static String auditor() {
        return Tokens.withGroups("auditor");
    }

    private static JsonPath verify(String incidentId) {
        return as(auditor()).queryParam("incident", incidentId).get("/api/audit/verify").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath verifyStore() {
        return as(auditor()).get("/api/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    /** An incident with sealed responder text, an assessment, a regulator notification of its filing, an erasure. */
    private String incident() {
        String incidentId = router.route(detection("test:" + UUID.randomUUID(), "audit-" + UUID.randomUUID(), Severity.HIGH)).incidentId();
        command(Tokens.responder(), incidentId, "triage", Map.of("verdict", "CONFIRMED", "rationale", "Confirmed by wang.fang@example.cn"));
        command(Tokens.responder(), incidentId, "notes", Map.of("noteId", "n-1", "text", "Called +86 139 0000 1111"));
        command(Tokens.responder(), incidentId, "assessment", Map.of("personalDataCategories", List.of("phone_number"),
                "subjectsAffected", 300, "recordsAffected", 300, "sensitiveData", false, "minorsData", false,
                "jurisdictions", List.of("cn"), "likelyConsequences", "Fraud calls"));
        String filingSha = as(Tokens.viewer()).get("/api/incidents/{id}/filings/pipl-art57-authority-notice", incidentId)
                .then().statusCode(200).extract().path("contentSha256");
        command(Tokens.responder(), incidentId, "notifications/regulator", Map.of("obligationId", "pipl/art57-authority",
                "authority", "CAC", "phase", "INITIAL", "contentSha256", filingSha));
        return incidentId;
    }

    @Test
    void onlyAuditorsAndTheDpoMayAudit() {
        String incidentId = router.route(detection("test:" + UUID.randomUUID(), "roles-" + UUID.randomUUID(), Severity.LOW)).incidentId();
        for (String token : List.of(Tokens.viewer(), Tokens.responder(), Tokens.withGroups("someone"))) {
            as(token).get("/api/audit/verify").then().statusCode(403).contentType("application/problem+json");
            as(token).get("/api/audit/incidents/{id}/evidence", incidentId).then().statusCode(403);
        }
        given().get("/api/audit/verify").then().statusCode(401);
        as(auditor()).queryParam("incident", incidentId).get("/api/audit/verify").then().statusCode(200);
        as(Tokens.dpo()).queryParam("incident", incidentId).get("/api/audit/verify").then().statusCode(200);
        as(auditor()).get("/api/audit/incidents/{id}/evidence", incidentId).then().statusCode(200);
        // An auditor proves the log; reading the incidents themselves stays with viewers, responders and the DPO.
        as(auditor()).get("/api/incidents/{id}/history", incidentId).then().statusCode(403);
        as(auditor()).queryParam("incident", UUID.randomUUID().toString()).get("/api/audit/verify").then().statusCode(404);
        as(auditor()).queryParam("incident", "not-an-id").get("/api/audit/verify").then().statusCode(400);
    }

    @Test
    void anErasedIncidentsChainStaysValidAndItsBundleVerifiesOfflineUntilOneByteChanges() throws Exception {
        String incidentId = incident();
        JsonPath before = verify(incidentId);
        assertThat(before.getBoolean("valid")).isTrue();
        String headBefore = before.getString("headHash");
        // Before the erasure the filing regenerates to the content hash the notification recorded.
        JsonPath unerased = as(auditor()).get("/api/audit/incidents/{id}/evidence", incidentId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(unerased.getList("notifications.matchesFiling")).contains("pipl-art57-authority-notice");

        as(Tokens.dpo()).body(Map.of("ground", "DATA_SUBJECT_REQUEST", "reference", "DSR-2026-0142"))
                .post("/api/incidents/{id}/erase-personal-data", incidentId).then().statusCode(200);
        JsonPath after = verify(incidentId);
        assertThat(after.getBoolean("valid")).as("erasure destroys keys, never rows: %s", after.prettify()).isTrue();
        assertThat(after.getLong("eventsChecked")).isGreaterThan(before.getLong("eventsChecked"));
        assertThat(after.getString("headHash")).matches("[0-9a-f]{64}").isNotEqualTo(headBefore);

        String bundle = as(auditor()).get("/api/audit/incidents/{id}/evidence", incidentId).then().statusCode(200)
                .extract().asString();
        JsonPath evidence = JsonPath.from(bundle);
        assertThat(evidence.getString("headHash")).isEqualTo(after.getString("headHash"));
        assertThat(evidence.getList("filings.kind")).contains("pipl-art57-authority-notice");
        assertThat(evidence.getList("notifications.contentSha256")).isEqualTo(unerased.getList("notifications.contentSha256"));
        assertThat(bundle).doesNotContain("wang.fang@example.cn", "0000 1111");

        Path dir = Files.createTempDirectory("evidence");
        Path good = Files.writeString(dir.resolve("good.json"), bundle);
        assertThat(runVerifier(good, null)).startsWith("OK incident " + incidentId);
        assertThat(runVerifier(good, evidence.getString("headHash"))).startsWith("OK");
        assertThat(runVerifier(good, "0".repeat(64))).startsWith("FAIL the chain ends in");

        // One byte of the third event's stored payload altered: the verifier names that event.
        String payload = evidence.getString("events[2].payload");
        byte[] bytes = Base64.getDecoder().decode(payload);
        bytes[bytes.length / 2] ^= 0x01;
        Path altered = Files.writeString(dir.resolve("altered.json"), bundle.replace(payload, Base64.getEncoder().encodeToString(bytes)));
        assertThat(runVerifier(altered, null)).startsWith("FAIL event globalIndex=" + evidence.getLong("events[2].globalIndex")
                + " incident=" + incidentId + " sequence=2 ").contains("CONTENT_CHANGED");
    }

    @Test
    void anEventEditedBehindTheSystemsBackIsNamedExactly() throws Exception {
        String incidentId = incident();
        String other = incident();
        JsonPath store = verifyStore();
        assertThat(store.getBoolean("valid")).as(store.prettify()).isTrue();
        assertThat(store.getString("storeDigest")).matches("[0-9a-f]{64}");

        long tampered;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 2")) {
                q.setString(1, incidentId);
                try (ResultSet r = q.executeQuery()) {
                    assertThat(r.next()).isTrue();
                    tampered = r.getLong(1);
                }
            }
            // As the database owner: switch off the append-only trigger, edit one payload, switch it on again.
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only");
                s.executeUpdate("UPDATE domain_event_entry SET payload = payload || ' '::bytea WHERE global_index = " + tampered);
                s.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");
            }
            c.commit();
            c.setAutoCommit(true);
        }

        JsonPath incident = verify(incidentId);
        assertThat(incident.getBoolean("valid")).isFalse();
        assertThat(incident.getLong("firstFailure.globalIndex")).isEqualTo(tampered);
        assertThat(incident.getString("firstFailure.incidentId")).isEqualTo(incidentId);
        assertThat(incident.getLong("firstFailure.sequenceNumber")).isEqualTo(2);
        assertThat(incident.getString("firstFailure.reason")).isEqualTo("CONTENT_CHANGED");
        assertThat(incident.getString("firstFailure.expectedHash")).isNotEqualTo(incident.getString("firstFailure.storedHash"));

        JsonPath whole = verifyStore();
        assertThat(whole.getBoolean("valid")).isFalse();
        assertThat(whole.getLong("firstFailure.globalIndex")).isEqualTo(tampered);
        assertThat(whole.getLong("failedChains")).isEqualTo(1);
        assertThat(verify(other).getBoolean("valid")).isTrue();

        String bundle = as(auditor()).get("/api/audit/incidents/{id}/evidence", incidentId).then().statusCode(200).extract().asString();
        assertThat(runVerifier(Files.writeString(Files.createTempFile("tampered", ".json"), bundle), null))
                .startsWith("FAIL event globalIndex=" + tampered + " ").contains("CONTENT_CHANGED");
    }

    @Test
    void theRunTimeRoleCannotRewriteTheChain() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("DELETE FROM event_chain"))
                    .hasMessageContaining("event_chain");
        }
    }

    /** {@code java VerifyEvidence.java bundle [head]}, as documented: the JDK alone, Breachflow not involved. */
    static String runVerifier(Path bundle, String head) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = head == null ? List.of(java, VERIFIER.toString(), bundle.toString())
                : List.of(java, VERIFIER.toString(), bundle.toString(), head);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(out.startsWith("OK") ? 0 : 1);
        return out;
    }
}
