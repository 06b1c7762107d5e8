package io.breachflow.dashboard.query;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** A row of {@code incident_timeline} as the API reads it; {@code data} is the event's JSON payload. */
public record TimelineItem(long sequence, String type, Instant occurredAt, String actor, String summary, JsonNode data) {
}
