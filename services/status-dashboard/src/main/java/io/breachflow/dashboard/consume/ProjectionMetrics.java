package io.breachflow.dashboard.consume;

import io.breachflow.contracts.CloudEventTypes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/**
 * The projection's meters, recorded once per committed batch. In Prometheus:
 * {@code breachflow_dashboard_events_applied_total{type}}, {@code breachflow_dashboard_events_duplicates_total},
 * {@code breachflow_dashboard_sequence_gaps_total}, {@code breachflow_dashboard_batch_retries_total} and
 * {@code breachflow_dashboard_projection_lag_seconds} (now minus {@code ce_time} of each applied event); issue 11:
 * {@code breachflow_dashboard_incidents_stalled} (gauge) and {@code breachflow_dashboard_events_parked_total}. The lag
 * covers applied events only: a stalled incident falls behind without raising it, hence the gauge beside it.
 * Dead letters are counted by the service kit's {@code DeadLetters} as
 * {@code breachflow_dead_letters_total{topic="breach.incident-events.v1"}}.
 */
@ApplicationScoped
public class ProjectionMetrics {

    @Inject
    MeterRegistry registry;

    // The lag of the newest event applied, for GET /api/metrics; the timer keeps the distribution for Prometheus.
    private volatile Double lastLagSeconds;

    /** Seconds from publication to applied, of the last event applied with a {@code ce_time}; null before one. */
    public Double lastLagSeconds() {
        return lastLagSeconds;
    }

    @Inject
    BatchProjector projector;

    // Read from the database at each scrape: the stalls are rows of the read model (a rebuild replaces them), so
    // no counter in this process could follow them. NaN while the database does not answer.
    void registerGauges(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent startup) {
        io.micrometer.core.instrument.Gauge.builder("breachflow.dashboard.incidents.stalled", this, metrics -> {
                    try {
                        return metrics.projector.stalledIncidents();
                    } catch (java.sql.SQLException e) {
                        return Double.NaN;
                    }
                }).description("Incidents whose projection stopped at an event the dashboard cannot project;"
                        + " the projection lag does not cover them")
                .register(registry);
    }

    void committed(ProjectionOutcome outcome) {
        Instant now = Instant.now();
        Timer lag = registry.timer("breachflow.dashboard.projection.lag");
        for (DecodedEvent event : outcome.applied()) {
            registry.counter("breachflow.dashboard.events.applied", "type", CloudEventTypes.of(event.event())).increment();
            if (event.publishedAt() != null) {
                Duration behind = Duration.between(event.publishedAt(), now);
                Duration lagged = behind.isNegative() ? Duration.ZERO : behind; // clocks of two machines may disagree
                lag.record(lagged);
                lastLagSeconds = lagged.toNanos() / 1e9;
            }
        }
        registry.counter("breachflow.dashboard.events.duplicates").increment(outcome.duplicates());
        registry.counter("breachflow.dashboard.sequence.gaps").increment(outcome.gaps());
        registry.counter("breachflow.dashboard.events.parked").increment(outcome.parked());
    }

    void retried() {
        registry.counter("breachflow.dashboard.batch.retries").increment();
    }
}
