package io.breachflow.dashboard.query;

import java.time.Instant;

/** The earliest due time among an incident's open obligations, and whose it is. */
public record NextDeadline(String obligationId, Instant dueAt, String recipient) {
}
