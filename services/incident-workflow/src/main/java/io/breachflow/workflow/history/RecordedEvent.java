package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.IncidentEvent;

import java.time.Instant;

/**
 * One incident event as the event store holds it: its aggregate sequence number, the time it was recorded (the
 * point of the log an {@code asOf} cuts at), the principal who caused it (metadata {@code actor}, null if none)
 * and the contract record.
 */
public record RecordedEvent(long sequence, Instant timestamp, String actor, IncidentEvent payload) {
}
