package io.breachflow.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 11, "read models rebuildable forever": the demo's incidents are on the dashboard; then every record of
 * {@code breach.incident-events.v1} is deleted (its log start moved to its end, as retention would after a week), and
 * a rebuild still gives the same read models, row for row, because it reads the workflow's event store. The live
 * consumer then carries on with the next event.
 */
class RebuildWithoutTheTopicIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** As the AsyncAPI document names it (this module sees the system only from outside). */
    private static final String EVENTS_TOPIC = "breach.incident-events.v1";

    private static LocalStack stack;
    private static BreachflowClient client;

    @BeforeAll
    static void startTheSystem() {
        stack = LocalStack.fresh(Path.of("target/e2e-rebuild-run")).up();
        client = new BreachflowClient(stack);
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theReadModelsAreRebuiltFromTheEventStoreAfterTheTopicLostEveryRecord() throws Exception {
        stack.demo();
        stack.awaitProcessed(PATIENCE);
        Map<String, JsonNode> before = incidents();
        assertThat(before).as("the demo's incidents on the dashboard").hasSizeGreaterThanOrEqualTo(3);
        long events = before.values().stream().mapToLong(incident -> incident.path("lastSequence").asLong() + 1).sum();

        Map<TopicPartition, Long> deletedUpTo = deleteEveryRecordOfTheEventsTopic();
        assertThat(deletedUpTo.values().stream().mapToLong(Long::longValue).sum())
                .as("records deleted from %s", EVENTS_TOPIC).isGreaterThanOrEqualTo(events);

        JsonNode rebuilt = client.rebuildDashboard(true, PATIENCE);
        assertThat(rebuilt.path("source").asText()).isEqualTo("event-store");
        assertThat(rebuilt.path("differences").asLong()).as("rows differing from the read models before: %s", rebuilt).isZero();
        assertThat(rebuilt.path("applied").asLong()).as("events replayed").isGreaterThanOrEqualTo(events);
        assertThat(incidents()).as("the dashboard after the rebuild").isEqualTo(before);
        System.out.printf("Rebuilt from the event store with %d records deleted from the topic: %d incidents,"
                        + " %d events applied at %.0f events/s, %d rows differing%n", deletedUpTo.values().stream()
                        .mapToLong(Long::longValue).sum(), before.size(), rebuilt.path("applied").asLong(),
                rebuilt.path("eventsPerSecond").asDouble(), rebuilt.path("differences").asLong());

        // Live projection goes on from the topic: the next event of an incident shows.
        String incidentId = before.keySet().iterator().next();
        long last = before.get(incidentId).path("lastSequence").asLong();
        BreachflowClient.Answer note = client.command(incidentId, "notes", stack.responderToken(), Map.of("text", "rebuilt"));
        assertThat(note.status()).as("POST notes: %s", note.body()).isEqualTo(200);
        await("the note on the rebuilt dashboard").atMost(PATIENCE).ignoreExceptions()
                .until(() -> client.incident(incidentId).path("lastSequence").asLong() == last + 1);
    }

    /** Each incident's detail on the dashboard, by id. */
    private static Map<String, JsonNode> incidents() {
        return client.incidents().stream().map(item -> item.path("id").asText())
                .collect(Collectors.toMap(id -> id, client::incident, (a, b) -> a, TreeMap::new));
    }

    /** Deletes every record of the events topic; answers each partition's new log start (its end before). */
    private static Map<TopicPartition, Long> deleteEveryRecordOfTheEventsTopic() throws Exception {
        try (Admin admin = Admin.create(stack.kafkaClient())) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(java.util.List.of(EVENTS_TOPIC))
                    .allTopicNames().get().get(EVENTS_TOPIC).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(EVENTS_TOPIC, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> end = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            admin.deleteRecords(end.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> RecordsToDelete.beforeOffset(e.getValue())))).all().get();
            Map<TopicPartition, OffsetSpec> earliest = end.keySet().stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
            Map<TopicPartition, Long> start = admin.listOffsets(earliest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            assertThat(start).as("log start offsets after deleting the records").isEqualTo(end);
            return start;
        }
    }
}
