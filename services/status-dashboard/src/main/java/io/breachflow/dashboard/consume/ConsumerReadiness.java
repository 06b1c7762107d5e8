package io.breachflow.dashboard.consume;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;
import java.util.Optional;

/**
 * Readiness of the projection: UP when it can project, i.e. the consumer thread runs and the group has given it its
 * partitions ({@link io.breachflow.service.kafka.ConsumerMembership}); a slow batch under a backlog is work, not
 * unreadiness. Database reachability is the datasource's own readiness check (Agroal), so it is not repeated here.
 * Failing retries are reported as data, not as DOWN: when the database is their cause its own check is DOWN already,
 * and otherwise the views can still be served.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    @Inject
    IncidentEventConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        Optional<String> notReady = consumer.notReadyBecause();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("incident-events-consumer")
                .status(notReady.isEmpty())
                .withData("alive", consumer.alive())
                .withData("partitions", consumer.partitions())
                .withData("lastPollAt", consumer.lastPollAt().map(Instant::toString).orElse("never"))
                .withData("consecutiveFailures", consumer.consecutiveFailures());
        notReady.ifPresent(reason -> response.withData("reason", reason));
        consumer.lastFailure().ifPresent(failure -> response.withData("lastFailure", failure));
        return response.build();
    }
}
