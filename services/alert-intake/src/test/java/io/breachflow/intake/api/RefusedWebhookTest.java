package io.breachflow.intake.api;

import io.breachflow.local.quarkus.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every refused request gets a problem and leaves no trace: after it, a sentinel request is accepted and seen
 * on the topic, and the refused request's marker is nowhere on the topic.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class RefusedWebhookTest {

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.breachflow.intake.api.RefusedWebhooks#all")
    void cannotAcceptAndPublishesNothing(RefusedWebhook refused) {
        Senders.given(refused.body()).contentType(refused.contentType())
                .when().post("/v1/alerts/alertmanager")
                .then().statusCode(refused.status())
                .contentType("application/problem+json")
                .body("status", equalTo(refused.status()))
                .body("detail", containsString(refused.detail()));

        List<String> sentinelIds = AlertmanagerIntakeTest.postAccepted(AlertmanagerIntakeTest.uniqueSentinel());
        if (topic == null) {
            topic = new DetectionsTopic(bootstrapServers);
        }
        assertThat(topic.withIds(sentinelIds)).as("sentinel records").hasSize(2);
        assertThat(topic.readToEnd()).as("records carrying the refused request's marker")
                .noneMatch(record -> RefusedWebhooks.contains(record.value(), refused.marker()));
    }
}
