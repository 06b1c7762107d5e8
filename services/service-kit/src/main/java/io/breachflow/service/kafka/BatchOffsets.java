package io.breachflow.service.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/**
 * The offset moves of a manual-commit consumer that handles a polled batch record by record: commit what is done,
 * and, when the rest cannot be handled now, seek back to it so the next poll reads it again (nothing skipped).
 */
public final class BatchOffsets {

    private BatchOffsets() {
    }

    /** Commits the next offsets of the records handled so far, if any. */
    public static void commit(Consumer<?, ?> consumer, Map<TopicPartition, OffsetAndMetadata> done) {
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    /** Seeks every partition of the batch back to its first record not yet done. */
    public static void rewind(Consumer<?, ?> consumer, ConsumerRecords<?, ?> records, Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata next = done.get(partition);
            consumer.seek(partition, next != null ? next.offset() : records.records(partition).get(0).offset());
        }
    }
}
