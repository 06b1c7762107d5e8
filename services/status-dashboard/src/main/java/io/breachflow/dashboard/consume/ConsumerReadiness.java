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
 * Readiness of the projection: UP while the consumer thread runs and has polled within
 * {@code breachflow.dashboard.consumer.stale-after}. Database reachability is the datasource's own readiness
 * check (Agroal), so it is not repeated here. Failing retries are reported as data, not as DOWN: when the
 * database is their cause its own check is DOWN already, and otherwise the views can still be served.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    @Inject
    IncidentEventConsumer consumer;

    @Inject
    DashboardConsumerConfig config;

    @Override
    public HealthCheckResponse call() {
        Optional<Instant> lastPollAt = consumer.lastPollAt();
        boolean polledRecently = lastPollAt
                .map(at -> at.isAfter(Instant.now().minus(config.consumer().staleAfter())))
                .orElse(false);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("incident-events-consumer")
                .status(consumer.alive() && polledRecently)
                .withData("alive", consumer.alive())
                .withData("lastPollAt", lastPollAt.map(Instant::toString).orElse("never"))
                .withData("consecutiveFailures", consumer.consecutiveFailures());
        consumer.lastFailure().ifPresent(failure -> response.withData("lastFailure", failure));
        return response.build();
    }
}
