package io.breachflow.contracts.detection;

/** Whether the alerting system reports the condition as still present or as gone. */
public enum AlertStatus {
    FIRING,
    RESOLVED
}
