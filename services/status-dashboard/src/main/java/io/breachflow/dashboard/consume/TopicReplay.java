package io.breachflow.dashboard.consume;

import io.breachflow.contracts.Topics;
import io.breachflow.service.kafka.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Reads {@code breach.incident-events.v1} from the beginning with a consumer of its own (no group: all partitions
 * assigned, nothing committed, the live consumer's offsets untouched) and applies it through {@link BatchProjector}
 * to the tables of another schema. {@link #readTo} stops at the end offsets captured when it is called; called
 * again, it carries on from there to the new end. What the projection refuses was dead-lettered by the live
 * consumer already, so here it is only counted ({@link #skipped}); it stalls its incident in the rebuilt tables too.
 */
public final class TopicReplay implements Replay {

    private static final int BATCH = 5_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final BatchProjector projector;
    private final String schema;
    private final IncidentEventDecoder decoder = new IncidentEventDecoder();
    private long skipped;

    public TopicReplay(String bootstrapServers, BatchProjector projector, String schema) {
        // Security settings (SASL, TLS) from configuration, like the live consumer's; no group: nothing is committed.
        Map<String, Object> config = KafkaSettings.client(bootstrapServers, "status-dashboard-rebuild");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"); // what the live consumer sees
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BATCH);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(config);
        this.projector = projector;
        this.schema = schema;
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.INCIDENT_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        try {
            requireWholeTopic(consumer.beginningOffsets(partitions));
        } catch (IllegalStateException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
        consumer.seekToBeginning(partitions);
    }

    /**
     * A topic whose oldest records are gone (retention, deleted records) would rebuild read models without the
     * incidents that opened in them: refused, never a silent partial rebuild (issue 11).
     */
    static void requireWholeTopic(Map<TopicPartition, Long> beginnings) {
        beginnings.entrySet().stream().filter(e -> e.getValue() > 0)
                .min(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(TopicPartition::partition)))
                .ifPresent(e -> {
                    throw new IllegalStateException(Topics.INCIDENT_EVENTS + " no longer holds its oldest events"
                            + " (partition " + e.getKey().partition() + " starts at offset " + e.getValue() + "), so a"
                            + " rebuild from it would lose incidents; set breachflow.dashboard.rebuild.event-store-url to"
                            + " rebuild from the workflow's event store");
                });
    }

    @Override
    public String source() {
        return "topic";
    }

    @Override
    public long remaining() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        return end.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - consumer.position(e.getKey()))).sum();
    }

    @Override
    public void readTo(LongConsumer progress) throws SQLException {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            List<DecodedEvent> events = new ArrayList<>(records.count());
            List<UnhandledRecord> unreadable = new ArrayList<>();
            Set<TopicPartition> rewound = new HashSet<>();
            long read = 0;
            for (ConsumerRecord<String, byte[]> record : records) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                // Past the captured end: left for the next readTo (the position goes back to the first such record).
                if (record.offset() >= end.get(partition)) {
                    if (rewound.add(partition)) {
                        consumer.seek(partition, record.offset());
                    }
                    continue;
                }
                read++;
                try {
                    events.add(decoder.decode(record));
                } catch (RejectedRecordException e) {
                    unreadable.add(new UnhandledRecord(record, io.breachflow.service.problem.SafeReason.of(e)));
                    skipped++;
                }
            }
            // Unreadable records stall their incidents in the rebuilt tables as they did live (issue 11).
            ProjectionOutcome outcome = projector.projectInto(schema, events, unreadable);
            skipped += outcome.rejected().size();
            progress.accept(read);
        }
    }

    @Override
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
