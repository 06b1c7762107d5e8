package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A responder was made accountable for handling the incident (replacing any earlier assignee).
 *
 * @param assignee    who, sealed with the incident's key (an erasure makes it unreadable)
 * @param assigneeTag a keyed hash of the assignee, which stays after an erasure and lets readers find an assignee's
 *                    incidents without reading the sealed name; {@code null} in events written before it was kept
 */
@Revision("2") // revision 2 added assigneeTag; golden/…r1.json holds revision 1
public record ResponderAssigned(
        String incidentId,
        String assignee,
        String assignedBy,
        Instant assignedAt,
        String assigneeTag) implements IncidentEvent {

    /** The shape written before assignee tags were kept. */
    public ResponderAssigned(String incidentId, String assignee, String assignedBy, Instant assignedAt) {
        this(incidentId, assignee, assignedBy, assignedAt, null);
    }

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return assignedAt;
    }
}
