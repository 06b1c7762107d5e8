package io.breachflow.intake.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayGuardTest {

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T04:00:00Z"));
    final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };

    @Test
    void canForgetIdsOnceTheirWindowPassed() {
        ReplayGuard guard = new ReplayGuard(clock, Duration.ofMinutes(5), 100);
        assertThat(guard.firstSeen("a")).isTrue();
        now.set(now.get().plus(Duration.ofMinutes(9)));
        assertThat(guard.firstSeen("a")).isFalse();
        now.set(now.get().plus(Duration.ofMinutes(2)));
        assertThat(guard.firstSeen("b")).isTrue();
        assertThat(guard.size()).isEqualTo(1);
        assertThat(guard.firstSeen("a")).isTrue();
    }

    @Test
    void canStayWithinItsCapacity() {
        ReplayGuard guard = new ReplayGuard(clock, Duration.ofMinutes(5), 3);
        for (int i = 0; i < 10; i++) {
            assertThat(guard.firstSeen("id-" + i)).isTrue();
        }
        assertThat(guard.size()).isEqualTo(3);
        assertThat(guard.firstSeen("id-9")).isFalse();
    }
}
