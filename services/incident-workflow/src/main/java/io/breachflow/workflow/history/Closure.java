package io.breachflow.workflow.history;

import java.time.Instant;

/** The DPO closed the incident, with a summary. */
public record Closure(String summary, String closedBy, Instant closedAt) {
}
