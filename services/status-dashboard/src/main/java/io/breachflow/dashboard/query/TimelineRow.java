package io.breachflow.dashboard.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A row of {@code incident_timeline} as stored: {@code data} is the event's JSON with its texts sealed as they came.
 * Answers show a {@link TimelineItem}, made from it with the incident's key ring.
 */
public record TimelineRow(long sequence, String type, Instant occurredAt, String actor, JsonNode data) {
}
