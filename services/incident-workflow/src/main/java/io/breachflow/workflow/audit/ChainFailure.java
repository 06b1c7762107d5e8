package io.breachflow.workflow.audit;

/**
 * The first event whose chain does not hold, and why: {@code CONTENT_CHANGED} (the stored columns no longer give the
 * stored hash), {@code LINK_BROKEN} (the stored previous hash is not the hash of the event before it, or that event
 * is missing) or {@code MISSING_HASH} (the event has no chain row). {@code expectedHash} is what the stored columns
 * and the expected link give, {@code storedHash} what {@code event_chain} holds (hex).
 */
public record ChainFailure(
        long globalIndex,
        String incidentId,
        long sequenceNumber,
        String eventIdentifier,
        String payloadType,
        Reason reason,
        String expectedHash,
        String storedHash,
        String detail) {

    public enum Reason {
        CONTENT_CHANGED,
        LINK_BROKEN,
        MISSING_HASH
    }
}
