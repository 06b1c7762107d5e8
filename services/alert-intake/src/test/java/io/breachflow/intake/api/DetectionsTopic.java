package io.breachflow.intake.api;

import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.Topics;
import io.breachflow.service.kafka.RecordHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * Reads {@code breach.detections.v1} from the beginning with a real consumer (partitions assigned, no group,
 * nothing committed) and keeps every record read, so that tests can look for what arrived and for what
 * must never have arrived.
 */
final class DetectionsTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final List<ConsumerRecord<String, byte[]>> read = new ArrayList<>();

    DetectionsTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
        partitions = consumer.partitionsFor(Topics.DETECTIONS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Everything on the topic up to its end at the time of the call. */
    synchronized List<ConsumerRecord<String, byte[]>> readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        // The consumer is not thread-safe: Awaitility must poll it on this thread.
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollDelay(Duration.ZERO).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(read::add);
            return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
        });
        return List.copyOf(read);
    }

    /** The records carrying the given CloudEvents ids, in the order of the ids, each once (the latest). */
    List<ConsumerRecord<String, byte[]>> withIds(Collection<String> ids) {
        List<ConsumerRecord<String, byte[]>> all = readToEnd();
        return ids.stream()
                .map(id -> all.stream().filter(record -> id.equals(ceId(record).orElse(null))).reduce((first, last) -> last))
                .flatMap(Optional::stream)
                .toList();
    }

    static Optional<String> ceId(ConsumerRecord<String, byte[]> record) {
        return RecordHeaders.get(record.headers(), CloudEventHeaders.ID);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
