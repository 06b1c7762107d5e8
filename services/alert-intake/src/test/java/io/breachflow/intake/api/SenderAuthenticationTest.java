package io.breachflow.intake.api;

import io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads.labels;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Bearer mode (the default): a request without the right token is a 401 problem with a challenge, is counted,
 * and leaves no trace on the topic; the right token is a 202.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class SenderAuthenticationTest {

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
    void cannotAcceptWithoutAToken() {
        String marker = "marker-" + UUID.randomUUID();
        refused(given().body(marked(marker)), "Authorization header is missing")
                .header("WWW-Authenticate", equalTo("Bearer realm=\"breachflow-intake\""));
        assertNothingPublishedWith(marker);
    }

    @Test
    void cannotAcceptAWrongToken() {
        String marker = "marker-" + UUID.randomUUID();
        refused(given().body(marked(marker)).header("Authorization", "Bearer not-the-token"), "not valid for this source")
                .header("WWW-Authenticate", containsString("invalid_token"))
                .body(not(containsString("not-the-token")))
                .body(not(containsString(Senders.TOKEN)));
        assertNothingPublishedWith(marker);
    }

    @Test
    void cannotAcceptOtherSchemes() {
        refused(given().body(marked("x")).header("Authorization", "Basic dXNlcjpwYXNz"), "not a Bearer token");
    }

    @Test
    void canAcceptTheToken() {
        given().body(AlertmanagerIntakeTest.uniqueSentinel()).contentType("application/json")
                .header("Authorization", "Bearer " + Senders.TOKEN)
                .when().post("/v1/alerts/alertmanager")
                .then().statusCode(202);
    }

    @Test
    void canCountAuthFailuresAndRejectionsInMetrics() {
        refused(given().body(marked("x")), "missing");
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("breachflow_intake_auth_failures_total{reason=\"missing-authorization\",source=\"alertmanager\"}"))
                .body(containsString("breachflow_requests_rejected_total{problem=\"unauthenticated\",status=\"401\"}"));
    }

    static io.restassured.response.ValidatableResponse refused(RequestSpecification request, String detail) {
        return request.contentType("application/json")
                .when().post("/v1/alerts/alertmanager")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("type", equalTo("https://breachflow.io/problems/unauthenticated"))
                .body("detail", containsString(detail));
    }

    static byte[] marked(String marker) {
        var webhook = AlertmanagerPayloads.sample();
        labels(webhook, 0).put("test_marker", marker);
        return AlertmanagerPayloads.bytes(webhook);
    }

    void assertNothingPublishedWith(String marker) {
        List<String> sentinelIds = AlertmanagerIntakeTest.postAccepted(AlertmanagerIntakeTest.uniqueSentinel());
        if (topic == null) {
            topic = new DetectionsTopic(bootstrapServers);
        }
        assertThat(topic.withIds(sentinelIds)).as("sentinel records").hasSize(2);
        assertThat(topic.readToEnd()).noneMatch(record -> RefusedWebhooks.contains(record.value(), marker));
    }
}
