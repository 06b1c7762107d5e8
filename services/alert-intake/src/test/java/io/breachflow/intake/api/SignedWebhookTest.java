package io.breachflow.intake.api;

import io.breachflow.local.quarkus.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.breachflow.intake.api.SenderAuthenticationTest.marked;
import static io.breachflow.intake.api.SenderAuthenticationTest.refused;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** HMAC mode (Standard Webhooks): signed requests pass, tampered, stale and replayed ones are 401 and publish nothing. */
@QuarkusTest
@TestProfile(SignedWebhookTest.HmacAlertmanager.class)
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class SignedWebhookTest {

    public static class HmacAlertmanager implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("breachflow.intake.auth.alertmanager.mode", "hmac", "breachflow.intake.auth.grafana.mode", "hmac");
        }
    }

    static DetectionsTopic topic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @AfterAll
    static void closeTopic() {
        if (topic != null) {
            topic.close();
            topic = null;
        }
    }

    @Test
    void canAcceptAValidSignature() {
        Senders.signed(AlertmanagerIntakeTest.uniqueSentinel()).contentType("application/json")
                .when().post("/v1/alerts/alertmanager")
                .then().statusCode(202);
    }

    @Test
    void cannotAcceptABearerTokenInstead() {
        refused(given().body(marked("x")).header("Authorization", "Bearer " + Senders.TOKEN), "webhook-id")
                .header("WWW-Authenticate", containsString("Webhook-Signature"));
    }

    @Test
    void cannotAcceptATamperedBody() {
        String marker = "marker-" + UUID.randomUUID();
        String id = "msg_" + UUID.randomUUID();
        String now = now();
        String signatureOfOriginal = Senders.signature(id, now, marked("original"));
        refused(given().body(marked(marker)).header("webhook-id", id).header("webhook-timestamp", now)
                .header("webhook-signature", signatureOfOriginal), "no v1 signature");
        assertNothingPublishedWith(marker);
    }

    @Test
    void cannotAcceptAStaleTimestamp() {
        String marker = "marker-" + UUID.randomUUID();
        String old = String.valueOf(System.currentTimeMillis() / 1000 - 600);
        refused(Senders.signedAs(marked(marker), "msg_" + UUID.randomUUID(), old), "outside the accepted window");
        assertNothingPublishedWith(marker);
    }

    @Test
    void cannotAcceptAReplay() {
        byte[] body = AlertmanagerIntakeTest.uniqueSentinel();
        String id = "msg_" + UUID.randomUUID();
        String now = now();
        Senders.signedAs(body, id, now).contentType("application/json").when().post("/v1/alerts/alertmanager")
                .then().statusCode(202);
        refused(Senders.signedAs(body, id, now), "already received");
    }

    @Test
    void canRetryTheSameIdAfterARefusal() {
        String id = "msg_" + UUID.randomUUID();
        String now = now();
        byte[] invalid = "{\"version\":\"3\"}".getBytes(StandardCharsets.UTF_8);
        Senders.signedAs(invalid, id, now).contentType("application/json").when().post("/v1/alerts/alertmanager")
                .then().statusCode(400);
        Senders.signedAs(invalid, id, now).contentType("application/json").when().post("/v1/alerts/alertmanager")
                .then().statusCode(400);
    }

    /**
     * Issue 10: a request signed for Alertmanager, replayed to Grafana's path (whose payload is alike), is refused:
     * Grafana's key is another one (derived from the shared secret per source), and the id was seen anyway.
     */
    @Test
    void cannotAcceptASignedRequestReplayedToAnotherSource() {
        byte[] body = AlertmanagerIntakeTest.uniqueSentinel();
        String now = now();
        String id = "msg_" + UUID.randomUUID();
        Senders.signedAs(body, id, now).contentType("application/json").when().post("/v1/alerts/alertmanager")
                .then().statusCode(202);
        Senders.signedAs(body, id, now).contentType("application/json").when().post("/v1/alerts/grafana")
                .then().statusCode(401).body("detail", containsString("no v1 signature"));
        // Never delivered to its own source first (captured in transit): still refused on another path.
        String fresh = "msg_" + UUID.randomUUID();
        Senders.signedAs(body, fresh, now).contentType("application/json").when().post("/v1/alerts/grafana")
                .then().statusCode(401).body("detail", containsString("no v1 signature"));
        // Signed for Grafana with Grafana's own key, but the id was already used on Alertmanager's path: one memory.
        Senders.signedAs("grafana", body, id, now).contentType("application/json").when().post("/v1/alerts/grafana")
                .then().statusCode(401).body("detail", containsString("already received"));
    }

    private static String now() {
        return String.valueOf(System.currentTimeMillis() / 1000);
    }

    private void assertNothingPublishedWith(String marker) {
        byte[] sentinel = AlertmanagerIntakeTest.uniqueSentinel();
        List<String> ids = Senders.signed(sentinel).contentType("application/json").when().post("/v1/alerts/alertmanager")
                .then().statusCode(202).extract().jsonPath().getList("detectionIds", String.class);
        if (topic == null) {
            topic = new DetectionsTopic(bootstrapServers);
        }
        assertThat(topic.withIds(ids)).hasSize(2);
        assertThat(topic.readToEnd()).noneMatch(record -> RefusedWebhooks.contains(record.value(), marker));
    }
}
