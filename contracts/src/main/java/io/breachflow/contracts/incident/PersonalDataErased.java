package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * The incident's personal data was erased: the keys that sealed its responder free text (notes, rationales, the
 * assignee, ...) are destroyed after this event is stored, so that every copy of those texts, in the event store, on
 * Kafka, in read models, rebuilds and filings, reads as erased. Times, duties, decisions and hashes remain. Text
 * written later is sealed with a new key.
 *
 * @param reference a reference to the request or decision, e.g. a ticket number (never the person's name), or
 *                  {@code null}
 */
public record PersonalDataErased(
        String incidentId,
        ErasureGround ground,
        String reference,
        String erasedBy,
        Instant erasedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return erasedAt;
    }
}
