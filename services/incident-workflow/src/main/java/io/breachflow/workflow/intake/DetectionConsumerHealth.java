package io.breachflow.workflow.intake;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;
import java.util.Optional;

/**
 * Ready when the detection consumer can take detections: its loop runs and the group has given it its partitions
 * ({@link io.breachflow.service.kafka.ConsumerMembership}). A slow batch under a backlog is work, not unreadiness.
 */
@Readiness
@ApplicationScoped
public class DetectionConsumerHealth implements HealthCheck {

    private final DetectionConsumer consumer;

    DetectionConsumerHealth(DetectionConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> notReady = consumer.notReadyBecause();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("detection-consumer").status(notReady.isEmpty())
                .withData("partitions", consumer.partitions())
                .withData("lastPollAt", consumer.lastPoll().map(Instant::toString).orElse("never"));
        notReady.ifPresent(reason -> response.withData("reason", reason));
        return response.build();
    }
}
