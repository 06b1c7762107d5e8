package io.breachflow.service.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A clock whose instants are whole microseconds (rounded down), the precision of PostgreSQL's {@code timestamptz}.
 * Not {@code Clock.tick(..., 1 µs)}: on Java 17 that clock's {@code millis()} divides by zero for ticks below a
 * millisecond.
 */
final class MicrosecondClock extends Clock {

    private final Clock base;

    MicrosecondClock(Clock base) {
        this.base = base;
    }

    @Override
    public Instant instant() {
        return base.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return base.millis();
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MicrosecondClock(base.withZone(zone));
    }
}
