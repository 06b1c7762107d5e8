package io.breachflow.intake.consume;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.Topics;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.Fixtures;
import io.breachflow.intake.publish.TestPseudonyms;
import io.breachflow.local.kafka.TopicReader;
import io.breachflow.local.quarkus.InfrastructureResource;
import io.breachflow.service.kafka.KafkaSettings;
import io.breachflow.service.kafka.RecordHeaders;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CloudEvents on {@code breach.alerts.v1}, end to end on a real broker: valid events (binary and structured
 * mode) become detections, garbage and schema violations go to the dead-letter topic with a reason, and the
 * consumer goes on past them.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, restrictToAnnotatedClass = true)
class AlertsTopicIntakeTest {

    static final String PRODUCER_SOURCE = "/test/alerts-topic";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void canPublishValidEventsAndDeadLetterTheRestInOrder() throws Exception {
        String run = UUID.randomUUID().toString();
        String binaryUpstreamId = "binary-" + run;
        String structuredUpstreamId = "structured-" + run;
        String garbageKey = "garbage-" + run;
        String invalidKey = "invalid-" + run;

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                KafkaSettings.durableProducer(bootstrapServers, "alerts-topic-test", 30_000))) {
            producer.send(binary(binaryUpstreamId, "k-" + run, "HIGH")).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(Topics.ALERTS, garbageKey, "{not json".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
            producer.send(binary("invalid-" + run, invalidKey, "SEVERE")).get(30, TimeUnit.SECONDS);
            producer.send(structured(structuredUpstreamId)).get(30, TimeUnit.SECONDS);
        }

        // The ids the Minimiser gives them under the %test key: from the pseudonym of (producer, upstream id).
        String binaryPseudonym = TestPseudonyms.PSEUDONYMS.upstreamId("cloudevents", PRODUCER_SOURCE + "\n" + binaryUpstreamId);
        String binaryId = Digests.detectionId("cloudevents", binaryPseudonym);
        String structuredId = Digests.detectionId("cloudevents",
                TestPseudonyms.PSEUDONYMS.upstreamId("cloudevents", PRODUCER_SOURCE + "\n" + structuredUpstreamId));
        try (TopicReader detections = new TopicReader(bootstrapServers, Topics.DETECTIONS);
             TopicReader deadLetters = new TopicReader(bootstrapServers, Topics.dlq(Topics.ALERTS))) {
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> published = detections.poll();
                assertThat(withCeId(published, binaryId)).isPresent();
                assertThat(withCeId(published, structuredId)).isPresent();
            });
            ConsumerRecord<String, byte[]> binaryRecord = withCeId(detections.poll(), binaryId).orElseThrow();
            ObjectNode detection = (ObjectNode) Fixtures.read(binaryRecord.value());
            assertThat(detection.get("sourceSystem").asText()).isEqualTo("cloudevents");
            assertThat(detection.get("upstreamId").asText()).isEqualTo(binaryPseudonym);
            assertThat(detection.get("labels").get("ce_source").asText()).isEqualTo(PRODUCER_SOURCE);
            assertThat(binaryRecord.key()).isEqualTo(detection.get("correlationKey").asText())
                    .isEqualTo(TestPseudonyms.PSEUDONYMS.correlationKey("cloudevents:" + PRODUCER_SOURCE.replace(":", "%3A") + ":"
                            + Fixtures.read(Fixtures.bytes("cloudevents/detection-binary-data.json")).get("correlationKey").asText()));

            await().atMost(Duration.ofSeconds(30)).pollInSameThread().untilAsserted(() -> {
                List<ConsumerRecord<String, byte[]>> letters = deadLetters.poll();
                ConsumerRecord<String, byte[]> garbage = withKey(letters, garbageKey).orElseThrow();
                assertThat(RecordHeaders.get(garbage.headers(), CloudEventHeaders.DLQ_REASON)).get().asString()
                        .startsWith("400");
                assertThat(RecordHeaders.get(garbage.headers(), CloudEventHeaders.DLQ_ORIGIN)).get().asString()
                        .startsWith(Topics.ALERTS + "/");
                assertThat(new String(garbage.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
                ConsumerRecord<String, byte[]> invalid = withKey(letters, invalidKey).orElseThrow();
                assertThat(RecordHeaders.get(invalid.headers(), CloudEventHeaders.DLQ_REASON)).get().asString()
                        .contains("data.severity");
            });
        }
    }

    private static ProducerRecord<String, byte[]> binary(String upstreamId, String key, String severity) {
        ObjectNode data = Fixtures.tree("cloudevents/detection-binary-data.json");
        data.put("upstreamId", upstreamId).put("severity", severity);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ALERTS, key, Fixtures.bytes(data));
        RecordHeaders.put(record.headers(), CloudEventHeaders.SPEC_VERSION, "1.0");
        RecordHeaders.put(record.headers(), CloudEventHeaders.ID, UUID.randomUUID().toString());
        RecordHeaders.put(record.headers(), CloudEventHeaders.SOURCE, PRODUCER_SOURCE);
        RecordHeaders.put(record.headers(), CloudEventHeaders.TYPE, "io.breachflow.detection.v1");
        RecordHeaders.put(record.headers(), CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    private static ProducerRecord<String, byte[]> structured(String upstreamId) {
        ObjectNode event = Fixtures.tree("cloudevents/detection-structured.json");
        event.put("source", PRODUCER_SOURCE);
        ((ObjectNode) event.get("data")).put("upstreamId", upstreamId);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ALERTS, "s-" + upstreamId, Fixtures.bytes(event));
        RecordHeaders.put(record.headers(), CloudEventHeaders.CONTENT_TYPE, "application/cloudevents+json");
        return record;
    }

    private static Optional<ConsumerRecord<String, byte[]>> withCeId(List<ConsumerRecord<String, byte[]>> records, String id) {
        return records.stream().filter(record -> id.equals(TopicReader.header(record, CloudEventHeaders.ID).orElse(null))).findFirst();
    }

    private static Optional<ConsumerRecord<String, byte[]>> withKey(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(record -> key.equals(record.key())).findFirst();
    }
}
