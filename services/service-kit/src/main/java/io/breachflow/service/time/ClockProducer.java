package io.breachflow.service.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one source of business time in every service: UTC system time, injectable as {@link Clock}, so that tests
 * (and the workflow's aggregates, which get it as an Axon component) can fix or move it.
 *
 * <p>It ticks in whole microseconds (rounding down), the precision of PostgreSQL's {@code timestamptz}: a receipt
 * time, an awareness or a due time then reads back from every read model exactly as the event recorded it, instead
 * of rounded — possibly up, which would show a clock starting later than it did.
 */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return new MicrosecondClock(Clock.systemUTC());
    }
}
