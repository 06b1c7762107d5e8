package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.AwarenessSource;

import java.time.Instant;

/**
 * When the organisation became aware of the breach: every legal clock runs from it. Taken from the latest
 * {@code IncidentBasisRecorded}; for incidents recorded before awareness was (no basis in the log) it is the
 * opening, which is what their clocks ran from, and {@code awarenessFrom} is null (no policy was recorded).
 */
public record Awareness(Instant awareAt, AwarenessSource awarenessFrom) {
}
