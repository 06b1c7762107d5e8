package io.breachflow.intake.consume;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/** Ready when the {@code breach.alerts.v1} consumer is alive and has polled Kafka lately. */
@Readiness
@ApplicationScoped
public class AlertsConsumerHealth implements HealthCheck {

    static final String NAME = "alerts-consumer";
    private final AlertsConsumer consumer;

    AlertsConsumerHealth(AlertsConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(consumer.isPolling(Duration.ofSeconds(30))).build();
    }
}
