package io.breachflow.intake.api;

import io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
    void canAnswerConcurrentRequestsDuringAnOutageWith503WithinThePublishTimeout() throws Exception {
        int requests = 12;
        ExecutorService senders = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                answers.add(senders.submit(() -> Senders.given(AlertmanagerIntakeTest.uniqueSentinel())
                        .contentType("application/json").when().post("/v1/alerts/alertmanager")));
            }
            for (Future<Response> answer : answers) {
                Response response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.header("Retry-After")).isEqualTo("5");
            }
            // publish-timeout is 2 s, Kafka's own max.block.ms 60 s: none is held until Kafka gives up. The bound is
            // that, not a speed (a loaded build machine must not fail it); the time is printed.
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("%d requests answered 503 while Kafka was down, in %d ms%n", requests, took.toMillis());
            assertThat(took).isLessThan(Duration.ofSeconds(30));
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void canCountTheRefusalsByStatusAndProblem() {
        cannotAcceptWithoutKafkaAcknowledgement();
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("breachflow_requests_rejected_total{problem=\"unavailable\",status=\"503\"}"))
                .body(containsString("breachflow_intake_publish_failures_total{source=\"alertmanager\"}"));
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
