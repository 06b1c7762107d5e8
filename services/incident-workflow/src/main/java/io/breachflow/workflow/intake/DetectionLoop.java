package io.breachflow.workflow.intake;

import io.breachflow.contracts.Topics;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.service.kafka.BatchOffsets;
import io.breachflow.service.kafka.ConsumerMembership;
import io.breachflow.service.kafka.DeadLetters;
import io.breachflow.service.problem.SafeReason;
import io.breachflow.workflow.command.CommandRejectedException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One consumer of {@code breach.detections.v1} on a thread of its own (of {@link DetectionConsumer}'s several), routing
 * each detection into the workflow. The offset of a record is committed only after its commands' events are in the
 * event store (DESIGN §4); a record that cannot be read goes to the dead-letter topic with the reason, and the consumer
 * goes on. When the workflow cannot take a record now (database down), the consumer commits what is done, seeks back
 * and retries after a pause, so nothing is skipped.
 * <p>
 * Failures are logged as a {@link SafeReason}, without stack trace: the event store's driver puts the statement
 * with its bound values (the correlation key among them) into its message, and these logs outlive the incident.
 */
final class DetectionLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(DetectionLoop.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final DetectionRouter router;
    private final DetectionReader reader = new DetectionReader();
    private final MeterRegistry metrics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final DeadLetters deadLetters;
    private final Thread thread;
    private final int detectionsPerTransaction;
    private final ConsumerMembership membership = new ConsumerMembership();
    private volatile boolean running = true;

    DetectionLoop(DetectionRouter router, MeterRegistry metrics, DeadLetters deadLetters, Map<String, Object> settings,
                  String threadName, int detectionsPerTransaction) {
        this.router = router;
        this.detectionsPerTransaction = detectionsPerTransaction;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.consumer = new KafkaConsumer<>(settings);
        this.thread = new Thread(this, threadName);
    }

    void start() {
        thread.start();
    }

    /** Ends the loop: wakes it from its poll and waits for it to close its consumer. */
    void stop(Duration wait) throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(wait.toMillis());
    }

    /** Why it cannot take detections now (loop ended, not in the group yet, or out of it); empty when it can. */
    Optional<String> notReadyBecause() {
        return thread.isAlive() ? membership.notReadyBecause() : Optional.of("the consumer loop has ended");
    }

    ConsumerMembership membership() {
        return membership;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.DETECTIONS), membership);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                membership.polled();
                try {
                    handleBatch(records);
                } catch (CommitFailedException | RebalanceInProgressException rebalanced) {
                    // The partitions moved (another instance joined, or a batch took too long): whoever owns them
                    // now re-reads from the last committed offset, and every step is idempotent.
                    LOG.warnf("offsets not committed (%s); the batch will be read again", SafeReason.of(rebalanced));
                } catch (RuntimeException unexpected) {
                    // Never let the loop die silently: pause, read the batch again, and say so.
                    LOG.errorf("detection batch failed (%s); reading it again in %s", SafeReason.of(unexpected), RETRY_PAUSE);
                    rewind(records, Map.of());
                    Thread.sleep(RETRY_PAUSE.toMillis());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handleBatch(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        List<ConsumerRecord<String, byte[]>> pending = new ArrayList<>(records.count());
        records.forEach(pending::add);
        if (pending.size() > 1) {
            pending = takeTogether(pending, done);
        }
        for (ConsumerRecord<String, byte[]> record : pending) {
            try {
                handle(record);
            } catch (RuntimeException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warnf("cannot take detection %s/%d/%d now (%s); retrying in %s", record.topic(), record.partition(),
                        record.offset(), SafeReason.of(e), RETRY_PAUSE);
                metrics.counter("breachflow_workflow_detection_retries").increment();
                commit(done);
                rewind(records, done);
                Thread.sleep(RETRY_PAUSE.toMillis());
                return;
            }
            done(done, record);
        }
        commit(done);
    }

    /**
     * Takes the records in chunks of {@code detectionsPerTransaction}, each chunk's detections in one transaction
     * ({@link DetectionRouter#routeTogether}) and its offsets committed after it. Returns the records from the first
     * chunk that could not be taken so, with nothing of that chunk stored: one holding an unreadable record (the
     * one-by-one path dead-letters it), a refusal or a failure. That path takes each of them alone, so a bad record costs
     * its batch the speed-up, nothing else. Chunks, not the whole poll: Axon looks through the events a unit of work
     * has staged on every load, which grows with the square of a unit's size.
     */
    private List<ConsumerRecord<String, byte[]>> takeTogether(List<ConsumerRecord<String, byte[]>> records,
                                                              Map<TopicPartition, OffsetAndMetadata> done) {
        for (int from = 0; from < records.size(); from += detectionsPerTransaction) {
            List<ConsumerRecord<String, byte[]>> chunk = records.subList(from, Math.min(records.size(), from + detectionsPerTransaction));
            if (!tookTogether(chunk)) {
                return records.subList(from, records.size());
            }
            chunk.forEach(record -> done(done, record));
            commit(done);
        }
        return List.of();
    }

    private boolean tookTogether(List<ConsumerRecord<String, byte[]>> records) {
        List<Detection> detections = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                detections.add(reader.read(record.value()));
            } catch (DetectionReader.UnreadableDetectionException unreadable) {
                return false;
            }
        }
        List<DetectionRouter.Routed> routed;
        try {
            routed = router.routeTogether(detections);
        } catch (RuntimeException failed) {
            LOG.infof("%d detections are taken one by one (%s)", detections.size(), SafeReason.of(failed));
            metrics.counter("breachflow_workflow_detection_batches", "taken", "one-by-one").increment();
            return false;
        }
        metrics.counter("breachflow_workflow_detection_batches", "taken", "together").increment();
        routed.forEach(r -> metrics.counter("breachflow_workflow_detections", "outcome", r.outcome().name()).increment());
        return true;
    }

    private static void done(Map<TopicPartition, OffsetAndMetadata> done, ConsumerRecord<?, ?> record) {
        done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
    }

    private void handle(ConsumerRecord<String, byte[]> record)
            throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException, InterruptedException {
        Detection detection;
        try {
            detection = reader.read(record.value());
        } catch (DetectionReader.UnreadableDetectionException unreadable) {
            deadLetter(record, SafeReason.of(unreadable));
            return;
        }
        try {
            DetectionRouter.Routed routed = router.route(detection);
            metrics.counter("breachflow_workflow_detections", "outcome", routed.outcome().name()).increment();
        } catch (CommandRejectedException rejected) {
            deadLetter(record, "refused by the workflow: " + SafeReason.of(rejected));
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason)
            throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException, InterruptedException {
        LOG.warnf("dead-lettering detection record %s/%d/%d: %s", record.topic(), record.partition(), record.offset(), reason);
        deadLetters.send(record, reason);
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        BatchOffsets.commit(consumer, done);
    }

    private void rewind(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        BatchOffsets.rewind(consumer, records, done);
    }
}
