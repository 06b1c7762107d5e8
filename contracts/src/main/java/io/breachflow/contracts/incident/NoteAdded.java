package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/** A free-text note on the incident, for the record. */
public record NoteAdded(
        String incidentId,
        String noteId,
        String text,
        String addedBy,
        Instant addedAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return addedAt;
    }
}
