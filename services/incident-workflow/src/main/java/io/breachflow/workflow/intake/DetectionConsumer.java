package io.breachflow.workflow.intake;

import io.breachflow.contracts.Topics;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.service.kafka.BatchOffsets;
import io.breachflow.service.kafka.ConsumerMembership;
import io.breachflow.service.kafka.DeadLetters;
import io.breachflow.service.kafka.KafkaSettings;
import io.breachflow.service.problem.SafeReason;
import io.breachflow.workflow.command.CommandRejectedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consumes {@code breach.detections.v1} on a thread of its own and routes each detection into the workflow. The
 * offset of a record is committed only after its commands' events are in the event store (DESIGN §4); a record
 * that cannot be read goes to the dead-letter topic with the reason, and the consumer goes on. When the
 * workflow cannot take a record now (database down), the consumer commits what is done, seeks back and retries
 * after a pause, so nothing is skipped.
 * <p>
 * Failures are logged as a {@link SafeReason}, without stack trace: the event store's driver puts the statement
 * with its bound values (the correlation key among them) into its message, and these logs outlive the incident.
 */
@Singleton
public class DetectionConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(DetectionConsumer.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final DetectionRouter router;
    private final DetectionReader reader = new DetectionReader();
    private final MeterRegistry metrics;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> deadLetterProducer;
    private final DeadLetters deadLetters;
    private final Thread thread = new Thread(this, "detection-consumer");
    private final ConsumerMembership membership = new ConsumerMembership();
    private volatile boolean running = true;

    DetectionConsumer(DetectionRouter router, MeterRegistry metrics,
                      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                      @ConfigProperty(name = "breachflow.workflow.consumer-group", defaultValue = "incident-workflow") String group) {
        this.router = router;
        this.metrics = metrics;
        Map<String, Object> settings = KafkaSettings.manualCommitConsumer(bootstrapServers, group, "incident-workflow-detections");
        this.consumer = new KafkaConsumer<>(settings);
        LOG.infof("consuming detections as group %s, member %s", group, settings.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
        this.deadLetterProducer = new KafkaProducer<>(KafkaSettings.durableProducer(bootstrapServers, "incident-workflow-dlq", 30_000));
        this.deadLetters = new DeadLetters(deadLetterProducer);
    }

    /** After Axon has started (priority 10). */
    void start(@Observes @Priority(20) StartupEvent event) {
        thread.start();
    }

    /** Before Axon shuts down (priority 100). */
    void stop(@Observes @Priority(50) ShutdownEvent event) throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(Duration.ofSeconds(10).toMillis());
        deadLetterProducer.close(Duration.ofSeconds(5));
    }

    /** Why it cannot take detections now (loop ended, not in the group yet, or out of it); empty when it can. */
    public Optional<String> notReadyBecause() {
        return thread.isAlive() ? membership.notReadyBecause() : Optional.of("the consumer loop has ended");
    }

    /** Its membership in the group: partitions, last poll. */
    public ConsumerMembership membership() {
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
        for (ConsumerRecord<String, byte[]> record : records) {
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
            done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        commit(done);
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
