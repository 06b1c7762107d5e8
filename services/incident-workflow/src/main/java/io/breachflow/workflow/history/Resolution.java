package io.breachflow.workflow.history;

import java.time.Instant;

/** Handling ended: the root cause, who resolved the incident and when (starts the CAC 30-day final report clock). */
public record Resolution(String rootCause, String resolvedBy, Instant resolvedAt) {
}
