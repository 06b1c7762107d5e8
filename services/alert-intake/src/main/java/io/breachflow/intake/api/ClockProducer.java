package io.breachflow.intake.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The clock that stamps {@code receivedAt}: one injectable source of time, so that tests and later components
 * (deadlines start from receipt) can agree on, or replace, it.
 */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
