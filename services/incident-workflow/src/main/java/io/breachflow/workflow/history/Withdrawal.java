package io.breachflow.workflow.history;

import java.time.Instant;

/** Why an obligation no longer applies (regrading, a new assessment, a false-positive verdict). */
public record Withdrawal(String reason, Instant withdrawnAt) {
}
