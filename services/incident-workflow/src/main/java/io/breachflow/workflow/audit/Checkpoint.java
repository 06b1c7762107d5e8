package io.breachflow.workflow.audit;

import java.time.Instant;

/** One row of {@code store_checkpoint}: the events up to {@code upToGlobalIndex} since the previous one, sealed. */
public record Checkpoint(long number, long upToGlobalIndex, long events, byte[] prevDigest, byte[] digest, Instant sealedAt) {
}
