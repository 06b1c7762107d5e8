package io.breachflow.workflow.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The store checkpoints in a whole-store verification: whether each still matches the events in its range, how many
 * were checked, the last one (its number, range end and digest: what to compare with a copy kept outside
 * Breachflow), and the first that does not match.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckpointCheck(boolean valid, long checked, Long lastCheckpoint, Long lastUpToGlobalIndex,
                              String lastDigest, Mismatch firstMismatch) {

    /** A checkpoint that no longer matches: what it sealed and what its range gives now. */
    public record Mismatch(long checkpoint, long upToGlobalIndex, long eventsSealed, long eventsFound,
                           String storedDigest, String recomputedDigest, String detail) {
    }
}
