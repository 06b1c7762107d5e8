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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.breachflow.workflow.Detections.detection;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, "a global chain over the store's order": checkpoints seal the store's events in order, each chained to
 * the one before; a whole incident deleted behind the system's back leaves every per-incident chain valid, and the
 * whole-store verification fails on the checkpoint that sealed it.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_checkpoints"))
class StoreCheckpointsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Inject
    DetectionRouter router;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    StoreCheckpoints checkpoints;

    private String incident() {
        String id = router.route(detection("test:" + UUID.randomUUID(), "cp-" + UUID.randomUUID(), Severity.HIGH)).incidentId();
        given().auth().oauth2(Tokens.responder()).contentType("application/json")
                .body(Map.of("verdict", "CONFIRMED", "rationale", "seen")).post("/api/incidents/{id}/triage", id)
                .then().statusCode(200);
        return id;
    }

    private void asOwner(String... statements) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : statements) {
                    s.execute(statement);
                }
            }
            c.commit();
        }
    }

    private static JsonPath verifyStore() {
        return given().auth().oauth2(Tokens.withGroups("auditor")).get("/api/audit/verify").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void checkpointsChainTheStoreAndNameTheOneThatLostAWholeIncident() throws Exception {
        String kept = incident();
        String removed = incident();
        Checkpoint first = checkpoints.sealUpTo(checkpoints.head()).orElseThrow();
        assertThat(checkpoints.sealUpTo(checkpoints.head())).as("nothing new to seal").isEmpty();
        incident();
        Checkpoint second = checkpoints.sealUpTo(checkpoints.head()).orElseThrow();
        assertThat(second.number()).isEqualTo(first.number() + 1);
        assertThat(second.prevDigest()).isEqualTo(first.digest());
        assertThat(second.upToGlobalIndex()).isGreaterThan(first.upToGlobalIndex());

        // The module's tests share one store (another test edits an event in it): judged here are the checkpoints,
        // and that the per-incident chains do not notice what the checkpoints do.
        JsonPath valid = verifyStore();
        assertThat(valid.getBoolean("checkpoints.valid")).as(valid.prettify()).isTrue();
        assertThat(valid.getLong("checkpoints.checked")).isEqualTo(second.number());
        assertThat(valid.getString("checkpoints.lastDigest")).isEqualTo(HEX.formatHex(second.digest()));
        long failedChains = valid.getLong("failedChains");

        try {
            // As the database owner: the append-only triggers off, one incident's events and chain rows deleted.
            asOwner("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_append_only",
                    "ALTER TABLE event_chain DISABLE TRIGGER event_chain_append_only",
                    "DELETE FROM event_chain WHERE aggregate_identifier = '" + removed + "'",
                    "DELETE FROM domain_event_entry WHERE aggregate_identifier = '" + removed + "'",
                    "ALTER TABLE event_chain ENABLE TRIGGER event_chain_append_only",
                    "ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_append_only");

            JsonPath tampered = verifyStore();
            assertThat(tampered.getLong("failedChains")).as("the per-incident chains notice nothing").isEqualTo(failedChains);
            assertThat(tampered.getBoolean("valid")).isFalse();
            assertThat(tampered.getBoolean("checkpoints.valid")).isFalse();
            assertThat(tampered.getLong("checkpoints.firstMismatch.checkpoint")).isEqualTo(first.number());
            assertThat(tampered.getLong("checkpoints.firstMismatch.eventsFound"))
                    .isLessThan(tampered.getLong("checkpoints.firstMismatch.eventsSealed"));
            assertThat(tampered.getString("checkpoints.firstMismatch.detail")).contains("sealed");
            // The incident that stayed still verifies on its own.
            given().auth().oauth2(Tokens.withGroups("auditor")).queryParam("incident", kept).get("/api/audit/verify")
                    .then().statusCode(200).body("valid", org.hamcrest.Matchers.equalTo(true));
        } finally {
            // Leave the shared store as the other tests expect it: without checkpoints over the deleted incident.
            asOwner("ALTER TABLE store_checkpoint DISABLE TRIGGER store_checkpoint_append_only",
                    "DELETE FROM store_checkpoint",
                    "ALTER TABLE store_checkpoint ENABLE TRIGGER store_checkpoint_append_only");
        }
        assertThat(List.of(first.events(), second.events())).allMatch(n -> n > 0);
    }
}
