package io.breachflow.intake.api;

import io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Without Kafka nothing is acknowledged: a 503 problem with Retry-After, never a 202, and not ready. */
@QuarkusTest
@TestProfile(KafkaUnavailableTest.NoBroker.class)
class KafkaUnavailableTest {

    /** Points the service at a port nobody listens on, with a short publish timeout to keep the test quick. */
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:" + closedPort(),
                    "breachflow.intake.publish-timeout", "2s");
        }
    }

    @Test
    void cannotAcceptWithoutKafkaAcknowledgement() {
        Senders.given(AlertmanagerPayloads.sampleBytes()).contentType("application/json")
                .when().post("/v1/alerts/alertmanager")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("detail", containsString("Kafka did not acknowledge"));
    }

    @Test
    void cannotBeReadyWithoutKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
