package io.breachflow.workflow.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /api/audit/verify}: whether every event checked recomputes to its stored hash and links
 * to the one before it. {@code scope} is {@code incident} or {@code store}; {@code incidentId} is set for an
 * incident. {@code firstFailure} is the earliest failing event in the store's order (global index), null when
 * valid; {@code failedChains} counts the aggregates with a failure. {@code headHash}: the incident's last hash.
 * {@code storeDigest}: SHA-256 over the stored hashes of all events up to {@code upToGlobalIndex} in global-index
 * order, a checkpoint to keep outside Breachflow (docs/AUDIT.md). {@code checkpoints}, for the store: the store
 * checkpoints (migration V7) recomputed from what is stored; {@code valid} is false when one of them fails too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(
        String scope,
        String incidentId,
        boolean valid,
        long eventsChecked,
        long chainsChecked,
        long failedChains,
        Long upToGlobalIndex,
        String headHash,
        String storeDigest,
        ChainFailure firstFailure,
        CheckpointCheck checkpoints) {

    /** This whole-store verification with its checkpoints checked. */
    Verification with(CheckpointCheck check) {
        return new Verification(scope, incidentId, valid && check.valid(), eventsChecked, chainsChecked, failedChains,
                upToGlobalIndex, headHash, storeDigest, firstFailure, check);
    }
}
