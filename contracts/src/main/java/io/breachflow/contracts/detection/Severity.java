package io.breachflow.contracts.detection;

/** Severity as the alerting system judged it, normalised to one scale. Ordered from least to most severe. */
public enum Severity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The more severe of the two. */
    public Severity max(Severity other) {
        return other != null && other.compareTo(this) > 0 ? other : this;
    }
}
