package io.breachflow.workflow.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A page of the event-store feed: incident events in the store's order, each as the record the workflow publishes
 * to {@code breach.incident-events.v1} (key, headers, value), so a reader applies them exactly as it applies the
 * topic's records.
 *
 * @param next            the cursor to ask for the next page with ({@code ?after=}); null when the store is empty
 * @param complete        true when this page reached the end of the store as it was when read
 * @param headGlobalIndex the store's highest global index when read (null: empty), for progress
 */
@Schema(description = "A page of incident events read from the event store, in its order, as Kafka records")
public record FeedPage(List<Record> events, String next, boolean complete, Long headGlobalIndex) {

    /**
     * @param globalIndex the event's position in the store
     * @param key         the incident id (the topic's record key)
     * @param headers     the CloudEvents binary-mode headers and bf_sequence, bf_global_index
     * @param value       the event as published (JSON)
     */
    public record Record(long globalIndex, String key, Map<String, String> headers, JsonNode value) {
    }
}
