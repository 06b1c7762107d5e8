package io.breachflow.intake.api;

import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.Topics;
import io.breachflow.local.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@code breach.detections.v1} read from the beginning ({@link TopicReader}), so that tests can look for what
 * arrived and for what must never have arrived. Synchronized: test classes share one instance.
 */
final class DetectionsTopic implements AutoCloseable {

    private final TopicReader reader;

    DetectionsTopic(String bootstrapServers) {
        reader = new TopicReader(bootstrapServers, Topics.DETECTIONS);
    }

    /** Everything on the topic up to its end at the time of the call. */
    synchronized List<ConsumerRecord<String, byte[]>> readToEnd() {
        return reader.readToEnd();
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
        return TopicReader.header(record, CloudEventHeaders.ID);
    }

    @Override
    public synchronized void close() {
        reader.close();
    }
}
