package io.breachflow.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.JsonSchemas;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.Fixtures;
import io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads;
import io.breachflow.intake.publish.TestPseudonyms;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.service.kafka.RecordHeaders;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import static io.breachflow.intake.adapter.alertmanager.AlertmanagerPayloads.alert;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** The Alertmanager webhook end to end: HTTP in, records on a real Kafka broker out. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class AlertmanagerIntakeTest {

    static DetectionsTopic topic;
    static final JsonSchema DETECTION_SCHEMA = detectionSchema();

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

    @Test
    void canPublishOneDetectionPerAlertBeforeAnswering202() throws Exception {
        List<String> ids = postAccepted(AlertmanagerPayloads.sampleBytes());

        List<ConsumerRecord<String, byte[]>> records = topic.withIds(ids);
        assertThat(records).hasSize(2);
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode value = AlertmanagerPayloads.JSON.readTree(record.value());
            assertThat(DETECTION_SCHEMA.validate(value)).as("schema violations").isEmpty();
            String correlationKey = value.get("correlationKey").asText();
            // Keyed pseudonyms (the %test key): the raw group key never reaches Kafka, and the id follows the pseudonym.
            String rawKey = Fixtures.correlationKey("alertmanager", AlertmanagerPayloads.sample().get("groupKey").asText());
            assertThat(record.key()).isEqualTo(correlationKey).isEqualTo(TestPseudonyms.PSEUDONYMS.correlationKey(rawKey));
            assertThat(value.get("upstreamId").asText()).matches("k1:[0-9a-f]{32}");
            assertThat(value.get("id").asText()).isEqualTo(Digests.detectionId("alertmanager", value.get("upstreamId").asText()));
            assertThat(value.get("labels").fieldNames()).toIterable()
                    .as("the allow-list: datname and instance are dropped")
                    .containsExactlyInAnyOrder("alertname", "breach_harm", "job", "personal_data", "service", "severity");
            assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(value.get("id").asText());
            assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(CloudEventTypes.DETECTION);
            assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/breachflow/alert-intake/alertmanager");
            assertThat(header(record, CloudEventHeaders.TIME)).isEqualTo(value.get("receivedAt").asText());
            assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(correlationKey);
            assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(value.get("harm").asText()).isEqualTo("DISCLOSURE");
            assertThat(value.get("severity").asText()).isEqualTo("CRITICAL");
        }
    }

    @Test
    void canGiveARepostedPayloadTheSameIds() {
        byte[] payload = AlertmanagerPayloads.sampleBytes();
        assertThat(postAccepted(payload)).isEqualTo(postAccepted(payload));
    }

    @Test
    void canAcceptAJsonSuffixContentType() {
        Senders.given(AlertmanagerPayloads.sampleBytes()).contentType("application/vnd.alertmanager+json; charset=utf-8")
                .when().post("/v1/alerts/alertmanager")
                .then().statusCode(202);
    }

    @Test
    void cannotFindAnUnknownSource() {
        Senders.given(AlertmanagerPayloads.sampleBytes()).contentType("application/json")
                .when().post("/v1/alerts/nagios")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("detail", containsString("'nagios'"))
                .body("detail", containsString("known sources: alertmanager"));
    }

    @Test
    void canReportReadinessWhileKafkaIsUp() {
        // Ready once the alerts consumer has its partitions of breach.alerts.v1 (3 on the test broker), not before.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(1)).untilAsserted(() ->
                given().when().get("/q/health/ready")
                        .then().statusCode(200)
                        .body("status", equalTo("UP"))
                        .body("checks.find { it.name == 'kafka' }.status", equalTo("UP"))
                        .body("checks.find { it.name == 'alerts-consumer' }.data.partitions", equalTo(3)));
    }

    @Test
    void canCountAcceptedAlertsInMetrics() {
        postAccepted(AlertmanagerPayloads.sampleBytes());
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("breachflow_intake_alerts_accepted_total{source=\"alertmanager\"}"))
                .body(containsString("breachflow_intake_detections_published_total{source=\"alertmanager\"}"));
    }

    @Test
    void canDescribeTheWebhookInOpenApi() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Breachflow alert intake"))
                .body("paths.'/v1/alerts/{source}'.post.responses.keySet()",
                        hasItems("202", "400", "404", "413", "415", "503"));
    }

    /** Posts a payload that must be accepted and answers its detection ids. */
    static List<String> postAccepted(byte[] payload) {
        ValidatableResponse response = Senders.given(payload).contentType("application/json")
                .when().post("/v1/alerts/alertmanager")
                .then().statusCode(202)
                .contentType("application/json")
                .body("detectionIds", hasSize(2))
                .body("correlationKeys", hasSize(1))
                .body("count", equalTo(2));
        return response.extract().jsonPath().getList("detectionIds", String.class);
    }

    /** A payload accepted with new ids each time: proof that the topic moved on after a refused request. */
    static byte[] uniqueSentinel() {
        ObjectNode webhook = AlertmanagerPayloads.sample();
        alert(webhook, 0).put("fingerprint", "sentinel-" + UUID.randomUUID());
        alert(webhook, 1).put("fingerprint", "sentinel-" + UUID.randomUUID());
        return AlertmanagerPayloads.bytes(webhook);
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return RecordHeaders.get(record.headers(), name).orElse(null);
    }

    private static JsonSchema detectionSchema() {
        try (InputStream schema = Detection.class.getResourceAsStream(JsonSchemas.resourceOf(Detection.class))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
