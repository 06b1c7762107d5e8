package io.breachflow.workflow.retention;

import io.agroal.api.AgroalDataSource;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.service.seal.KeyRing;
import io.breachflow.workflow.MutableClock;
import io.breachflow.workflow.Tokens;
import io.breachflow.workflow.intake.DetectionRouter;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.breachflow.workflow.Detections.detection;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The end of retention, on the real event store: a closed incident's responder texts are erased once the retention
 * after its closure has passed (here one hour, on a clock the test moves), by the system, once.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "workflow_test"))
class RetentionSweepTest {

    @Inject
    DetectionRouter router;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    CommandGateway commands;

    private static void command(String token, String path, String incidentId, Object body) {
        given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/incidents/{id}/" + path, incidentId).then().statusCode(200);
    }

    private static JsonPath history(String incidentId) {
        return given().auth().oauth2(Tokens.viewer()).get("/api/incidents/{id}/history", incidentId)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aClosedIncidentsTextsAreErasedWhenItsRetentionEnds() throws Exception {
        String incidentId = router.route(detection("test:" + UUID.randomUUID(), "retention-" + UUID.randomUUID(), Severity.LOW)).incidentId();
        command(Tokens.responder(), "notes", incidentId, Map.of("text", "Spoke to zhang.min@example.cn"));
        command(Tokens.responder(), "triage", incidentId, Map.of("verdict", "FALSE_POSITIVE", "rationale", "A drill"));
        command(Tokens.dpo(), "close", incidentId, Map.of("summary", "Drill"));
        await().atMost(Duration.ofSeconds(30)).until(() -> pending(incidentId).orElse(false));

        MutableClock clock = new MutableClock(Instant.now());
        RetentionSweep sweep = new RetentionSweep(dataSource, commands, clock, Duration.ofHours(1), Duration.ofHours(1));
        sweep.eraseDue();
        assertThat(history(incidentId).getList("erasures")).as("retention has not ended yet").isEmpty();

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(sweep.eraseDue()).isPositive();
        JsonPath erased = history(incidentId);
        assertThat(erased.getString("erasures[0].ground")).isEqualTo("RETENTION_ENDED");
        assertThat(erased.getString("erasures[0].erasedBy")).isEqualTo("system:retention");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history(incidentId).getString("notes[0].text"))
                .as("the key shredder's processor destroyed the keys").isEqualTo(KeyRing.ERASED));

        await().atMost(Duration.ofSeconds(30)).until(() -> !pending(incidentId).orElse(true));
        sweep.eraseDue();
        assertThat(history(incidentId).getList("erasures")).as("erased once").hasSize(1);
    }

    private Optional<Boolean> pending(String incidentId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT pending FROM responder_text_retention WHERE incident_id = ? AND closed_at IS NOT NULL")) {
            q.setString(1, incidentId);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getBoolean(1)) : Optional.empty();
            }
        }
    }
}
