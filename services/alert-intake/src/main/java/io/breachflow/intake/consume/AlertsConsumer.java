package io.breachflow.intake.consume;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.Topics;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.intake.adapter.PayloadJson;
import io.breachflow.intake.adapter.cloudevents.CloudEventsAdapter;
import io.breachflow.intake.limit.IntakeQuotas;
import io.breachflow.intake.publish.DetectionPublisher;
import io.breachflow.service.kafka.BatchOffsets;
import io.breachflow.service.kafka.ConsumerMembership;
import io.breachflow.service.kafka.DeadLetters;
import io.breachflow.service.kafka.KafkaSettings;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import io.breachflow.service.problem.SafeReason;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Consumes CloudEvents from {@code breach.alerts.v1} on a thread of its own and publishes each one's Detection
 * to {@code breach.detections.v1}, validated and normalised by the same {@link CloudEventsAdapter} as
 * {@code POST /v1/alerts/cloudevents}. An offset is committed only after Kafka acknowledged the detection (or
 * the dead letter): a record that is not a valid detection event goes to {@code breach.alerts.v1.dlq} with the
 * reason, and the consumer goes on. When Kafka does not acknowledge, it commits what is done, seeks back and
 * retries after a pause, so nothing is skipped. The same limits as over HTTP apply ({@link IntakeQuotas}): a record
 * larger than {@code breachflow.intake.max-body-bytes} is dead-lettered with a 413 reason; over the
 * {@code cloudevents} quota a record waits for its tokens (the consumer paces, it drops nothing).
 *
 * <p>Wiring: started on {@link StartupEvent}, stopped on {@link ShutdownEvent}; the Kafka clients are created on
 * the consumer's thread, so an unreachable broker delays the consumer, never the service's start.
 * Consumer group: {@code breachflow.intake.alerts-consumer-group}.
 *
 * <p>Reasons and log lines never quote the record: a problem's detail is written for the sender and may echo
 * their values, so a dead letter keeps its status, type and title; failures are logged as a {@link SafeReason}.
 */
@Singleton
public class AlertsConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(AlertsConsumer.class);
    static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    private static final Pattern FIELD_PATH = Pattern.compile("[A-Za-z0-9_.\\[\\]]{1,200}");

    private final CloudEventsAdapter adapter;
    private final DetectionPublisher publisher;
    private final IntakeQuotas quotas;
    private final int maxBodyBytes;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final String bootstrapServers;
    private final String group;
    private final Thread thread = new Thread(this, "alerts-consumer");
    private volatile boolean running = true;
    private final ConsumerMembership membership = new ConsumerMembership();
    private volatile Consumer<String, byte[]> consumer;
    private Producer<String, byte[]> deadLetterProducer;
    private DeadLetters deadLetters;

    AlertsConsumer(CloudEventsAdapter adapter, DetectionPublisher publisher, IntakeQuotas quotas, MeterRegistry metrics,
                   Clock clock, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                   @ConfigProperty(name = "breachflow.intake.alerts-consumer-group", defaultValue = "alert-intake") String group,
                   @ConfigProperty(name = "breachflow.intake.max-body-bytes", defaultValue = "1048576") int maxBodyBytes) {
        this.adapter = adapter;
        this.publisher = publisher;
        this.quotas = quotas;
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
        this.group = group;
    }

    void start(@Observes StartupEvent event) {
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.join(Duration.ofSeconds(10).toMillis());
    }

    /** Why it cannot take alerts now (loop ended, not in the group yet, or out of it); empty when it can. */
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
            while (running && !connect()) {
                Thread.sleep(RETRY_PAUSE.toMillis());
            }
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                membership.polled();
                handleBatch(records);
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    private boolean connect() {
        try {
            deadLetterProducer = new KafkaProducer<>(KafkaSettings.durableProducer(bootstrapServers, "alert-intake-dlq", 30_000));
            deadLetters = new DeadLetters(deadLetterProducer);
            Map<String, Object> settings = new HashMap<>(
                    KafkaSettings.manualCommitConsumer(bootstrapServers, group, "alert-intake-alerts"));
            // A batch paced by the quota must end well within max.poll.interval.ms (5 min): at most a minute's worth.
            int perMinute = (int) Math.max(1, Math.min(500, quotas.ratePerSecond(CloudEventsAdapter.SOURCE) * 60));
            settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, perMinute);
            KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(settings);
            created.subscribe(List.of(Topics.ALERTS), membership);
            consumer = created;
            LOG.infof("consuming alerts as group %s, member %s", group, settings.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
            return true;
        } catch (KafkaException e) {
            LOG.warnf("alerts consumer not started, retrying in %s: %s", RETRY_PAUSE, SafeReason.of(e));
            close();
            return false;
        }
    }

    private void handleBatch(ConsumerRecords<String, byte[]> records) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                handle(record);
            } catch (ProblemException | KafkaException | ExecutionException | TimeoutException e) {
                LOG.warnf("cannot publish alert record %s/%d/%d now; retrying in %s: %s", record.topic(),
                        record.partition(), record.offset(), RETRY_PAUSE, SafeReason.of(e));
                metrics.counter("breachflow.intake.alerts.retries").increment();
                commit(done);
                rewind(records, done);
                Thread.sleep(RETRY_PAUSE.toMillis());
                return;
            }
            done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        commit(done);
    }

    /** Publishes the record's detection, or dead-letters it; throws only when Kafka did not acknowledge either. */
    private void handle(ConsumerRecord<String, byte[]> record)
            throws ExecutionException, TimeoutException, InterruptedException {
        List<Detection> detections;
        try {
            if (record.value() != null && record.value().length > maxBodyBytes) {
                deadLetter(record, "413 Payload too large: more than " + maxBodyBytes + " bytes (breachflow.intake.max-body-bytes)");
                return;
            }
            detections = read(record);
            quotas.requireCount(detections.size());
        } catch (ProblemException refused) {
            deadLetter(record, reason(refused.problem()));
            return;
        } catch (JsonProcessingException malformed) {
            deadLetter(record, "400 malformed JSON: " + SafeReason.of(malformed));
            return;
        }
        // Over quota, the record waits for its tokens (shared with POST /v1/alerts/cloudevents): paced, never dropped.
        if (!quotas.await(CloudEventsAdapter.SOURCE, detections.size(), () -> running)) {
            throw new InterruptedException("stopping while waiting for the cloudevents quota");
        }
        publisher.publish(CloudEventsAdapter.SOURCE, detections);
        metrics.counter("breachflow.intake.alerts.accepted", "source", CloudEventsAdapter.SOURCE).increment(detections.size());
    }

    private List<Detection> read(ConsumerRecord<String, byte[]> record) throws JsonProcessingException {
        byte[] raw = record.value() == null ? new byte[0] : record.value();
        JsonNode body = PayloadJson.parse(raw);
        return adapter.toDetections(body, raw, clock.instant(), AlertRecords.httpStyleHeaders(record.headers()));
    }

    /**
     * The status, the title and the fields the violations name: the detail and the violations are written for the
     * sender and may quote their values, which a dead-letter header must not repeat (the record itself is in it).
     */
    static String reason(Problem problem) {
        String fields = problem.errors().stream().map(AlertsConsumer::fieldOf).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(", "));
        return problem.status() + " " + problem.title() + (fields.isEmpty() ? "" : ": " + fields);
    }

    private static String fieldOf(String violation) {
        int colon = violation.indexOf(':');
        String field = colon < 0 ? null : violation.substring(0, colon);
        return field != null && FIELD_PATH.matcher(field).matches() ? field : null;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason)
            throws ExecutionException, TimeoutException, InterruptedException {
        LOG.warnf("dead-lettering alert record %s/%d/%d: %s", record.topic(), record.partition(), record.offset(), reason);
        metrics.counter("breachflow.intake.alerts.rejected", "source", CloudEventsAdapter.SOURCE).increment();
        deadLetters.send(record, reason);
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        BatchOffsets.commit(consumer, done);
    }

    private void rewind(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        BatchOffsets.rewind(consumer, records, done);
    }

    private void close() {
        if (consumer != null) {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("closing the alerts consumer: %s", SafeReason.of(e));
            }
            consumer = null;
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ofSeconds(5));
            deadLetterProducer = null;
        }
    }
}
