package io.breachflow.dashboard.consume;

import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.Topics;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.dashboard.testing.DashboardInfrastructure;
import io.breachflow.dashboard.testing.Events;
import io.breachflow.dashboard.testing.IncidentEventsTopic;
import io.breachflow.local.kafka.TopicReader;
import io.breachflow.service.kafka.RecordHeaders;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static io.breachflow.dashboard.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Records the dashboard cannot handle go to {@code breach.incident-events.v1.dlq} with their reason, and do not
 * hold up the partition: a good record behind them, on the same partition, is still applied.
 */
@QuarkusTest
@DashboardInfrastructure
class DeadLetteringTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void deadLettersWhatItCannotHandleAndGoesOn() {
        String unknownType = Events.newIncidentId();
        String noSequence = Events.newIncidentId();
        String badJson = Events.newIncidentId();
        String wrongKey = Events.newIncidentId();
        String missedOpening = Events.newIncidentId();
        String noAssignee = Events.newIncidentId();
        String goodAfter = Events.newIncidentId();
        int partition = IncidentEventsTopic.publish(Events.opened(Events.newIncidentId(), Severity.LOW), 0).partition();

        ProducerRecord<String, byte[]> record = IncidentEventsTopic.record(Events.opened(unknownType, Severity.LOW), 0, partition);
        RecordHeaders.put(record.headers(), CloudEventHeaders.TYPE, "io.breachflow.incident.escalated.v7");
        IncidentEventsTopic.send(record);
        record = IncidentEventsTopic.record(Events.opened(noSequence, Severity.LOW), 0, partition);
        record.headers().remove(CloudEventHeaders.SEQUENCE);
        IncidentEventsTopic.send(record);
        record = IncidentEventsTopic.record(Events.opened(badJson, Severity.LOW), 0, partition);
        IncidentEventsTopic.send(new ProducerRecord<>(record.topic(), partition, badJson,
                "{\"incidentId\": \"".getBytes(StandardCharsets.UTF_8), record.headers()));
        record = IncidentEventsTopic.record(Events.opened(Events.newIncidentId(), Severity.LOW), 0, partition);
        IncidentEventsTopic.send(new ProducerRecord<>(record.topic(), partition, wrongKey, record.value(), record.headers()));
        IncidentEventsTopic.send(IncidentEventsTopic.record(Events.correlated(missedOpening, 1, Severity.HIGH), 1, partition));
        IncidentEventsTopic.send(IncidentEventsTopic.record(Events.opened(noAssignee, Severity.LOW), 0, partition));
        IncidentEventsTopic.send(IncidentEventsTopic.record(
                new ResponderAssigned(noAssignee, null, "dpo@example.org", Events.OPENED_AT), 1, partition));
        IncidentEventsTopic.send(IncidentEventsTopic.record(Events.opened(goodAfter, Severity.HIGH), 0, partition));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/incidents/{id}", goodAfter).then()
                .statusCode(200).body("severity", equalTo("HIGH")));
        try (TopicReader deadLetters = new TopicReader(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.dlq(Topics.INCIDENT_EVENTS))) {
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(reasons(deadLetters))
                    .containsKeys(unknownType, noSequence, badJson, wrongKey, missedOpening, noAssignee));
            Map<String, String> reasons = reasons(deadLetters);
            assertThat(reasons.get(unknownType)).contains("unknown ce_type").doesNotContain("escalated.v7");
            assertThat(reasons.get(noSequence)).contains("no bf_sequence");
            assertThat(reasons.get(badJson)).contains("unreadable IncidentOpened JSON");
            assertThat(reasons.get(wrongKey)).contains("is not the event's incident id");
            assertThat(reasons.get(missedOpening)).contains("missed opening");
            assertThat(reasons.get(noAssignee)).contains("ResponderAssigned of incident " + noAssignee + " has no assignee");
            ConsumerRecord<String, byte[]> letter = deadLetters.poll().stream()
                    .filter(dead -> unknownType.equals(dead.key())).findFirst().orElseThrow();
            assertThat(RecordHeaders.get(letter.headers(), CloudEventHeaders.DLQ_ORIGIN))
                    .hasValueSatisfying(origin -> assertThat(origin).startsWith("breach.incident-events.v1/" + partition + "/"));
        }
        given().get("/api/incidents/{id}", missedOpening).then().statusCode(404);
        given().get("/api/incidents/{id}", unknownType).then().statusCode(404);
        given().get("/api/incidents/{id}", noAssignee).then().statusCode(200)
                .body("lastSequence", equalTo(0)).body("assignee", nullValue());
    }

    private static Map<String, String> reasons(TopicReader deadLetters) {
        return deadLetters.poll().stream()
                .filter(letter -> letter.key() != null)
                .collect(Collectors.toMap(ConsumerRecord::key,
                        letter -> RecordHeaders.get(letter.headers(), CloudEventHeaders.DLQ_REASON).orElse("(none)"),
                        (first, second) -> first));
    }
}
