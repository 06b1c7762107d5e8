package io.breachflow.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.Fixtures;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Each documented fixture of the cloud sources posted end to end: 202, then its detections on a real broker. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class CloudSourcesIntakeTest {

    static DetectionsTopic topic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void openTopic() {
        if (topic == null) {
            topic = new DetectionsTopic(bootstrapServers);
        }
    }

    @AfterAll
    static void closeTopic() {
        if (topic != null) {
            topic.close();
            topic = null;
        }
    }

    @ParameterizedTest
    @CsvSource({
            "guardduty, guardduty/exfiltration-s3.json, application/json, 1",
            "securityhub, securityhub/two-findings-one-archived.json, application/json, 2",
            "macie, macie/sensitive-data-personal.json, application/json; charset=utf-8, 1",
            "sentinel, sentinel/incident-closed.json, application/json, 1",
            "cloudevents, cloudevents/detection-structured.json, application/cloudevents+json, 1"})
    void canPublishEveryFixtureBeforeAnswering202(String source, String fixture, String contentType, int count) throws Exception {
        List<String> ids = Senders.given(Fixtures.bytes(fixture)).contentType(contentType)
                .when().post("/v1/alerts/" + source)
                .then().statusCode(202)
                .body("count", equalTo(count))
                .body("detectionIds", hasSize(count))
                .extract().jsonPath().getList("detectionIds", String.class);

        List<ConsumerRecord<String, byte[]>> records = topic.withIds(ids);
        assertThat(records).hasSize(count);
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode value = Fixtures.JSON.readTree(record.value());
            assertThat(AlertmanagerIntakeTest.DETECTION_SCHEMA.validate(value)).as("schema violations").isEmpty();
            assertThat(value.get("sourceSystem").asText()).isEqualTo(source);
            // Keyed pseudonyms: the record key, the CloudEvents subject and the ids carry no raw upstream value.
            assertThat(record.key()).isEqualTo(value.get("correlationKey").asText()).matches("k1:[0-9a-f]{32}")
                    .isEqualTo(AlertmanagerIntakeTest.header(record, CloudEventHeaders.SUBJECT));
            assertThat(value.get("upstreamId").asText()).matches("k1:[0-9a-f]{32}");
            assertThat(value.get("id").asText()).isEqualTo(Digests.detectionId(source, value.get("upstreamId").asText()));
            assertThat(AlertmanagerIntakeTest.header(record, CloudEventHeaders.SOURCE))
                    .isEqualTo("/breachflow/alert-intake/" + source);
        }
    }

    @Test
    void canTakeACloudEventInBinaryModeOverHttp() throws Exception {
        List<String> ids = Senders.given(Fixtures.bytes("cloudevents/detection-binary-data.json")).contentType("application/json")
                .header("ce-specversion", "1.0").header("ce-id", "evt-" + java.util.UUID.randomUUID())
                .header("ce-source", "/soar/playbook-7").header("ce-type", "io.breachflow.detection.v1")
                .when().post("/v1/alerts/cloudevents")
                .then().statusCode(202).body("count", equalTo(1))
                .extract().jsonPath().getList("detectionIds", String.class);
        assertThat(topic.withIds(ids)).hasSize(1);
    }

    @Test
    void cannotAcceptAGuardDutyEventAtTheMacieEndpoint() {
        Senders.given(Fixtures.bytes("guardduty/exfiltration-s3.json")).contentType("application/json")
                .when().post("/v1/alerts/macie")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors", org.hamcrest.Matchers.hasItem("source must be \"aws.macie\" (an EventBridge event of that service)"));
    }

    @Test
    void canReportTheAlertsConsumerReady() {
        // Ready once the group gave the alerts consumer its partitions, which takes a moment after start.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(1)).untilAsserted(() ->
                given().when().get("/q/health/ready")
                        .then().statusCode(200)
                        .body("checks.find { it.name == 'alerts-consumer' }.status", equalTo("UP")));
    }
}
