package io.breachflow.dashboard.consume;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The consumer's settings ({@code breachflow.dashboard.*}). The broker comes from {@code kafka.bootstrap.servers}
 * (environment {@code KAFKA_BOOTSTRAP_SERVERS}), shared with the other services.
 */
@ConfigMapping(prefix = "breachflow.dashboard")
public interface DashboardConsumerConfig {

    /** The Kafka consumer group; every instance of the dashboard joins the same one. */
    @WithDefault("status-dashboard")
    String consumerGroup();

    Consumer consumer();

    interface Consumer {

        /** How long one poll waits for records. */
        @WithDefault("500ms")
        Duration pollTimeout();

        /** The first pause after a batch failed for a transient reason (database or broker down). */
        @WithDefault("250ms")
        Duration retryInitialBackoff();

        /** The longest pause between retries; the pause doubles up to it. */
        @WithDefault("30s")
        Duration retryMaxBackoff();
    }
}
