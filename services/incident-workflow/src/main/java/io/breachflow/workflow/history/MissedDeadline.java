package io.breachflow.workflow.history;

import java.time.Instant;

/** A clock that ran out before its obligation was fulfilled or waived. */
public record MissedDeadline(String obligationId, String description, Instant dueAt, Instant missedAt) {
}
