package io.breachflow.workflow.correlation;

import java.time.Instant;

/**
 * Internal event (not a contract): from now on, detections with this correlation key join {@code incidentId}.
 * {@code generation} counts the incidents the key has had.
 */
public record CorrelationIncidentAssigned(String correlationKey, String incidentId, int generation, Instant assignedAt) {
}
