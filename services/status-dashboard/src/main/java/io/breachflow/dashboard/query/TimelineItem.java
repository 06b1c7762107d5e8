package io.breachflow.dashboard.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.dashboard.projection.Timeline;
import io.breachflow.dashboard.seal.OpenedJson;
import io.breachflow.service.json.ContractJson;
import io.breachflow.service.seal.KeyRing;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** An item of an incident's timeline as the API shows it: the stored row with its texts read through the key ring. */
public record TimelineItem(
        long sequence,
        String type,
        Instant occurredAt,
        @Schema(description = "Who (or which system) did it; null when the event names nobody", nullable = true)
        String actor,
        @Schema(description = "A sentence for people; responder free text in it reads \"" + KeyRing.ERASED + "\" once"
                + " the incident's personal data was erased (\"" + KeyRing.UNAVAILABLE + "\" while the key store"
                + " cannot be read)") String summary,
        @Schema(description = "The event as published, its responder free text read as in summary") JsonNode data) {

    private static final ObjectMapper EVENTS = ContractJson.newMapper();

    /** The row with its texts opened, and its sentence composed from them (never from the sealed ones). */
    public static TimelineItem of(TimelineRow row, KeyRing ring) {
        JsonNode opened = OpenedJson.of(row.data(), ring);
        return new TimelineItem(row.sequence(), row.type(), row.occurredAt(), row.actor(), summary(row.type(), opened),
                opened);
    }

    private static String summary(String type, JsonNode opened) {
        Class<? extends IncidentEvent> eventClass = CloudEventTypes.incidentEventClass(type)
                .orElseThrow(() -> new IllegalStateException("a timeline row of an unknown type: " + type)); // only projected events are stored
        try {
            return Timeline.summary(EVENTS.treeToValue(opened, eventClass));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a timeline row's data is not its event", e); // it was written from one
        }
    }
}
