package io.breachflow.intake.limit;

import io.breachflow.intake.adapter.AlertAdapters;
import io.breachflow.service.problem.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The per-source token buckets and the per-request limit, on a clock the test moves. */
class IntakeQuotasTest {

    final AtomicLong nanos = new AtomicLong();

    IntakeQuotas quotas(Map<String, String> properties) {
        return new IntakeQuotas(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build(),
                new AlertAdapters(List.of()), new SimpleMeterRegistry(), nanos::get);
    }

    @Test
    void aSourceOverItsQuotaIsRefusedWithRetryAfterAndAnotherSourceIsNot() {
        IntakeQuotas quotas = quotas(Map.of("breachflow.intake.max-detections-per-request", "3",
                "breachflow.intake.quota.a.rate", "2", "breachflow.intake.quota.a.burst", "5"));
        quotas.admit("a", 3);
        quotas.admit("a", 2);
        RateLimitedException limited = catchThrowableOfType(RateLimitedException.class, () -> quotas.admit("a", 3));
        assertThat(limited.problem().status()).isEqualTo(429);
        assertThat(limited.retryAfterSeconds()).isEqualTo(2);
        assertThat(limited.problem().detail()).contains("quota.a.rate").contains("2 detections a second");
        assertThatThrownBy(() -> quotas.requireTokens("a")).isInstanceOf(RateLimitedException.class);
        quotas.admit("b", 3);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1500));
        quotas.admit("a", 3);
    }

    @Test
    void moreDetectionsThanTheLimitAre413AndTakeNoTokens() {
        IntakeQuotas quotas = quotas(Map.of("breachflow.intake.max-detections-per-request", "3",
                "breachflow.intake.quota.burst", "3"));
        ProblemException tooMany = catchThrowableOfType(ProblemException.class, () -> quotas.admit("a", 4));
        assertThat(tooMany.problem().status()).isEqualTo(413);
        assertThat(tooMany.problem().detail()).contains("at most 3");
        quotas.admit("a", 3);
    }

    @Test
    void theDefaultsAre500PerRequestAnd20ASecondWithBurstsOf500() {
        IntakeQuotas quotas = quotas(Map.of());
        assertThat(quotas.maxDetectionsPerRequest()).isEqualTo(500);
        assertThat(quotas.ratePerSecond("a")).isEqualTo(20);
        quotas.admit("a", 500);
        assertThatThrownBy(() -> quotas.admit("a", 1)).isInstanceOf(RateLimitedException.class);
    }

    @Test
    void aBurstBelowTheRequestLimitStopsTheStart() {
        IntakeQuotas quotas = quotas(Map.of("breachflow.intake.quota.a.burst", "10"));
        assertThatThrownBy(() -> quotas.ratePerSecond("a")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("max-detections-per-request");
    }

    @Test
    void theKafkaPathWaitsForItsTokensInsteadOfFailing() throws InterruptedException {
        IntakeQuotas quotas = new IntakeQuotas(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "breachflow.intake.max-detections-per-request", "1", "breachflow.intake.quota.c.rate", "20",
                "breachflow.intake.quota.c.burst", "1"), "test", 500)).build(),
                new AlertAdapters(List.of()), new SimpleMeterRegistry());
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(quotas.await("c", 1, () -> true)).isTrue();
        }
        assertThat(System.nanoTime() - started).as("4 waits of 50 ms").isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
        assertThat(quotas.await("c", 1, () -> false)).as("stopping").isFalse();
    }
}
