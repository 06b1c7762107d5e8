package io.breachflow.dashboard.query;

/** How long something took across incidents: how many had it, and the median and 90th percentile in seconds. */
public record DurationStats(long count, Double medianSeconds, Double p90Seconds) {
}
