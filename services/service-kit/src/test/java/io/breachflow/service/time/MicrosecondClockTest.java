package io.breachflow.service.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Business time fits PostgreSQL's microseconds, rounded down (a clock never starts late), and millis still work. */
class MicrosecondClockTest {

    private static final Instant EXACT = Instant.parse("2026-12-01T14:30:34.199765982Z");

    @Test
    void instantsAreWholeMicrosecondsRoundedDown() {
        Clock clock = new MicrosecondClock(Clock.fixed(EXACT, ZoneOffset.UTC));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-01T14:30:34.199765Z"));
        assertThat(clock.millis()).isEqualTo(EXACT.toEpochMilli());
    }

    @Test
    void theServicesClockTicksInMicroseconds() {
        Clock clock = new ClockProducer().clock();

        assertThat(clock.instant().getNano() % 1_000).isZero();
        assertThat(clock.millis()).isPositive();
    }
}
