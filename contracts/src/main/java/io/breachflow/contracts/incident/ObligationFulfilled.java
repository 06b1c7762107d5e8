package io.breachflow.contracts.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;

/**
 * The workflow decided that an obligation is met, and by what: a report to an authority, a notice to the people
 * affected, the first remedial measure, an impact assessment. Recorded right after the fact that met it, so every
 * reader folds the decision instead of deriving it again.
 *
 * @param fulfilledBy the event type that met it, e.g. {@code RegulatorNotified}
 * @param reference   what identifies that fact: the report's reference or content hash, the measure id, ...
 */
public record ObligationFulfilled(
        String incidentId,
        String obligationId,
        String fulfilledBy,
        String reference,
        Instant fulfilledAt) implements IncidentEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return fulfilledAt;
    }
}
