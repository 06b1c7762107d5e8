package io.breachflow.workflow.intake;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/** Ready when the detection consumer is alive and has polled Kafka lately. */
@Readiness
@ApplicationScoped
public class DetectionConsumerHealth implements HealthCheck {

    private final DetectionConsumer consumer;

    DetectionConsumerHealth(DetectionConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("detection-consumer").status(consumer.isPolling(Duration.ofSeconds(30))).build();
    }
}
