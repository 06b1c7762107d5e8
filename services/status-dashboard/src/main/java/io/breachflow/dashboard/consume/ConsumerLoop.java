package io.breachflow.dashboard.consume;

import io.breachflow.contracts.Topics;
import io.breachflow.service.kafka.ConsumerMembership;
import io.breachflow.service.kafka.DeadLetters;
import io.breachflow.service.problem.SafeReason;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The poll loop of {@code breach.incident-events.v1}, run on its own thread by {@link IncidentEventConsumer}.
 * Per polled batch: decode, project in one database transaction and commit it ({@link BatchProjector}),
 * dead-letter what cannot be handled, and only then commit the offsets (the batch's transaction itself announced the
 * changed incidents to every instance's live stream, {@link ChangeNotices}). A crash in between re-delivers the
 * batch, which the sequence check turns into duplicates. A transient failure (database or broker) commits
 * nothing: the loop seeks back to the batch's first offsets and polls it again after a growing pause.
 * <p>
 * Failures are logged as a {@link SafeReason}, without stack trace: a driver's message (the first line of a
 * trace) carries the statement with its bound values, and these logs outlive the incident.
 */
final class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);

    private final Consumer<String, byte[]> consumer;
    private final IncidentEventDecoder decoder = new IncidentEventDecoder();
    private final BatchProjector projector;
    private final DeadLetters deadLetters;
    private final ProjectionMetrics metrics;
    private final DashboardConsumerConfig.Consumer settings;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    private final ConsumerMembership membership = new ConsumerMembership();
    private volatile int consecutiveFailures;
    private volatile String lastFailure;

    ConsumerLoop(Consumer<String, byte[]> consumer, BatchProjector projector, DeadLetters deadLetters,
                 ProjectionMetrics metrics, DashboardConsumerConfig.Consumer settings) {
        this.consumer = consumer;
        this.projector = projector;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.INCIDENT_EVENTS), membership);
            while (stopRequested.getCount() > 0) {
                ConsumerRecords<String, byte[]> records = consumer.poll(settings.pollTimeout());
                membership.polled();
                if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // stop() woke the consumer up or interrupted a pause: the normal way out.
        } catch (RuntimeException e) {
            LOG.errorf("the incident-event consumer stopped (%s); the dashboard is no longer updated", SafeReason.of(e));
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    /** Asks the loop to end: safe from any thread, wakes a blocked poll or pause. */
    void stop() {
        stopRequested.countDown();
        consumer.wakeup();
    }

    ConsumerMembership membership() {
        return membership;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    String lastFailure() {
        return lastFailure;
    }

    private void handle(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        try {
            project(records);
            consumer.commitSync(nextOffsets(records));
            consecutiveFailures = 0;
        } catch (WakeupException | InterruptedException e) {
            throw e;
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The group rebalanced meanwhile: whoever owns these partitions now reads the batch again and
            // finds it applied already.
            LOG.warnf("offsets of a projected batch not committed (%s); it will be re-read", SafeReason.of(e));
        } catch (Exception e) {
            retryLater(records, e);
        }
    }

    private void project(ConsumerRecords<String, byte[]> records) throws Exception {
        List<DecodedEvent> events = new ArrayList<>(records.count());
        List<UnhandledRecord> unhandled = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(decoder.decode(record));
            } catch (RejectedRecordException e) {
                unhandled.add(new UnhandledRecord(record, SafeReason.of(e)));
            }
        }
        ProjectionOutcome outcome = projector.project(events, unhandled);
        metrics.committed(outcome);
        unhandled.addAll(outcome.rejected());
        for (UnhandledRecord letter : unhandled) {
            LOG.warnf("dead-lettering %s/%d/%d: %s", letter.record().topic(), letter.record().partition(),
                    letter.record().offset(), letter.reason());
            deadLetters.send(letter.record(), letter.reason());
        }
    }

    private void retryLater(ConsumerRecords<String, byte[]> records, Exception failure) throws InterruptedException {
        int failures = ++consecutiveFailures;
        lastFailure = SafeReason.of(failure);
        metrics.retried();
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
        long pause = Math.min(settings.retryMaxBackoff().toMillis(),
                settings.retryInitialBackoff().toMillis() << Math.min(failures - 1, 20));
        LOG.warnf("projecting a batch failed (%d in a row: %s); retrying in %d ms", failures, lastFailure, pause);
        if (stopRequested.await(pause, TimeUnit.MILLISECONDS)) {
            throw new InterruptedException("stopping");
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> partitionRecords = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(partitionRecords.get(partitionRecords.size() - 1).offset() + 1));
        }
        return offsets;
    }
}
