package io.breachflow.workflow.audit;

/**
 * One row of {@code domain_event_entry} as stored, with its row of {@code event_chain} ({@code prevHash} and
 * {@code hash} are null when the event has no chain row). Byte columns as stored: the payload holds sealed
 * (encrypted) responder texts, never the plain text.
 */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String type,
        String payloadType,
        String payloadRevision,
        String timeStamp,
        byte[] payload,
        byte[] metaData,
        byte[] prevHash,
        byte[] hash) {
}
