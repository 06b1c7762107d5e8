package io.breachflow.workflow.publish;

import io.breachflow.contracts.CloudEventHeaders;
import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.incident.IncidentEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelope of an incident event as consumers read it: the CloudEvents binary-mode headers and Breachflow's
 * sequence and global index. One definition for the two ways the events leave the workflow: the Kafka topic
 * ({@link IncidentEventPublisher}) and the event-store feed a read-model rebuild reads
 * ({@code GET /api/audit/events}), so a consumer cannot tell them apart.
 */
public final class IncidentEventRecords {

    public static final String SOURCE = "/breachflow/incident-workflow";

    private IncidentEventRecords() {
    }

    /** The headers of one event; {@code globalIndex} null when unknown. */
    public static Map<String, String> headers(IncidentEvent event, String eventId, long sequence, Long globalIndex) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.ID, eventId);
        headers.put(CloudEventHeaders.TYPE, CloudEventTypes.of(event));
        headers.put(CloudEventHeaders.SOURCE, SOURCE);
        headers.put(CloudEventHeaders.TIME, event.occurredAt().toString());
        headers.put(CloudEventHeaders.SUBJECT, event.incidentId());
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        headers.put(CloudEventHeaders.SEQUENCE, String.valueOf(sequence));
        if (globalIndex != null) {
            headers.put(CloudEventHeaders.GLOBAL_INDEX, String.valueOf(globalIndex));
        }
        return headers;
    }
}
