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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every vendor fixture of {@code src/test/resources/fixtures/} end to end: posted to {@code /v1/alerts/<source>},
 * answered 202 after Kafka acknowledged, and on {@code breach.detections.v1} as schema-valid detections.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class VendorAdaptersIntakeTest {

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

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
            "grafana, firing-two-alerts.json, 2",
            "elastic, security-alerts.json, 2",
            "splunk, webhook-alert.json, 1",
            "wazuh, authentication-failure.json, 1",
            "falco, read-sensitive-file.json, 1"})
    void canPublishSchemaValidDetectionsOfEachVendorFixture(String source, String fixture, int alerts) throws Exception {
        List<String> ids = Senders.given(Fixtures.bytes(source, fixture)).contentType("application/json")
                .when().post("/v1/alerts/" + source)
                .then().statusCode(202)
                .body("count", equalTo(alerts))
                .extract().jsonPath().getList("detectionIds", String.class);

        List<ConsumerRecord<String, byte[]>> records = topic.withIds(ids);
        assertThat(records).hasSize(alerts);
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
}
