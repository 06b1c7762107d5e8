package io.breachflow.intake.consume;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;
import java.util.Optional;

/**
 * Ready when the {@code breach.alerts.v1} consumer can take alerts: its loop runs and the group has given it its
 * partitions ({@link io.breachflow.service.kafka.ConsumerMembership}). A batch paced by the quota is work, not
 * unreadiness.
 */
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
        Optional<String> notReady = consumer.notReadyBecause();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(notReady.isEmpty())
                .withData("partitions", consumer.membership().partitions())
                .withData("lastPollAt", consumer.membership().lastPoll().map(Instant::toString).orElse("never"));
        notReady.ifPresent(reason -> response.withData("reason", reason));
        return response.build();
    }
}
