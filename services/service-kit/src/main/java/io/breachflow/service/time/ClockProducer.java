package io.breachflow.service.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one source of business time in every service: UTC system time, injectable as {@link Clock}, so that tests
 * (and the workflow's aggregates, which get it as an Axon component) can fix or move it.
 */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
