package io.breachflow.workflow.history;

import java.time.Instant;

/** A waiver that no longer stands: the waiver as it was, why it was revoked, by whom and when. */
public record Revocation(Waiver revokedWaiver, String reason, String revokedBy, Instant revokedAt) {
}
