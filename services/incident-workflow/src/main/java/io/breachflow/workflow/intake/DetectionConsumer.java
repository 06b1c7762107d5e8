package io.breachflow.workflow.intake;

import io.breachflow.service.kafka.ConsumerMembership;
import io.breachflow.service.kafka.DeadLetters;
import io.breachflow.service.kafka.KafkaSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workflow's consumers of {@code breach.detections.v1}: {@code breachflow.workflow.detection-consumers} loops
 * ({@link DetectionLoop}), each a member of the group with a thread of its own, so that the partitions of this instance
 * are worked in parallel (issue 14). Detections of one correlation key share a partition (the record key), hence one
 * loop: their order is kept, and no two loops touch the same key's aggregates. More loops than the topic has partitions
 * leave some idle (ready, with no partitions).
 */
@Singleton
public class DetectionConsumer {

    private static final Logger LOG = Logger.getLogger(DetectionConsumer.class);

    private final KafkaProducer<String, byte[]> deadLetterProducer;
    private final List<DetectionLoop> loops = new ArrayList<>();

    DetectionConsumer(DetectionRouter router, MeterRegistry metrics,
                      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                      @ConfigProperty(name = "breachflow.workflow.consumer-group", defaultValue = "incident-workflow") String group,
                      @ConfigProperty(name = "breachflow.workflow.detection-consumers", defaultValue = "3") int count,
                      @ConfigProperty(name = "breachflow.workflow.detections-per-transaction", defaultValue = "50") int perTransaction) {
        if (count < 1) {
            throw new IllegalArgumentException("breachflow.workflow.detection-consumers must be at least 1, not " + count);
        }
        if (perTransaction < 1) {
            throw new IllegalArgumentException("breachflow.workflow.detections-per-transaction must be at least 1, not " + perTransaction);
        }
        this.deadLetterProducer = new KafkaProducer<>(KafkaSettings.durableProducer(bootstrapServers, "incident-workflow-dlq", 30_000));
        DeadLetters deadLetters = new DeadLetters(deadLetterProducer);
        for (int i = 1; i <= count; i++) {
            // The client id names the member: with the instance id it makes the static group.instance.id, which
            // must differ between the loops and stay the same across restarts.
            String clientId = count == 1 ? "incident-workflow-detections" : "incident-workflow-detections-" + i;
            Map<String, Object> settings = KafkaSettings.manualCommitConsumer(bootstrapServers, group, clientId);
            loops.add(new DetectionLoop(router, metrics, deadLetters, settings, "detection-consumer-" + i, perTransaction));
            LOG.infof("consuming detections as group %s, member %s", group, settings.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
        }
    }

    /** After Axon has started (priority 10). */
    void start(@Observes @Priority(20) StartupEvent event) {
        loops.forEach(DetectionLoop::start);
    }

    /** Before Axon shuts down (priority 100). */
    void stop(@Observes @Priority(50) ShutdownEvent event) throws InterruptedException {
        for (DetectionLoop loop : loops) {
            loop.stop(Duration.ofSeconds(10));
        }
        deadLetterProducer.close(Duration.ofSeconds(5));
    }

    /** Why it cannot take detections now (a loop ended, has not joined the group, or fell out of it); empty when it can. */
    public Optional<String> notReadyBecause() {
        for (int i = 0; i < loops.size(); i++) {
            Optional<String> reason = loops.get(i).notReadyBecause();
            if (reason.isPresent()) {
                return loops.size() == 1 ? reason : Optional.of("consumer " + (i + 1) + " of " + loops.size() + ": " + reason.get());
            }
        }
        return Optional.empty();
    }

    /** The partitions its loops hold now. */
    public int partitions() {
        return loops.stream().map(DetectionLoop::membership).mapToInt(ConsumerMembership::partitions).sum();
    }

    /** When a loop last returned from a poll. */
    public Optional<Instant> lastPoll() {
        return loops.stream().map(DetectionLoop::membership).map(ConsumerMembership::lastPoll)
                .flatMap(Optional::stream).max(Instant::compareTo);
    }
}
