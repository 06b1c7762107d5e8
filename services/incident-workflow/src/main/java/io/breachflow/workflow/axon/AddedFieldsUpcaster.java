package io.breachflow.workflow.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.ResponderAssigned;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an event stored at an earlier revision as the next one, by adding the fields that revision added with their
 * documented defaults (a receipt time that was not kept is unknown: null; nothing assessed: empty). It matches the
 * stable name ({@link StoredTypes}): events stored under a class name were renamed by the chain's first step. The
 * stored event is never touched (the table is append-only); this runs whenever it is read, replays included. The released shapes
 * are the golden files of the contracts ({@code golden/*.r<n>.json}), loaded through this chain by
 * {@code ReleasedEventsStillLoadTest}.
 */
final class AddedFieldsUpcaster extends SingleEventUpcaster {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String payloadType;
    private final String fromRevision;
    private final String toRevision;
    private final Map<String, JsonNode> added;

    private AddedFieldsUpcaster(Class<?> event, String fromRevision, Map<String, JsonNode> added) {
        this.payloadType = StoredTypes.breachflow().nameOf(event).orElseThrow(() -> new IllegalArgumentException(event + " has no stored name"));
        this.fromRevision = fromRevision;
        this.toRevision = Objects.requireNonNull(event.getAnnotation(Revision.class), event + " has no @Revision").value();
        this.added = added;
    }

    /** Every upcaster of the incident events, in the order they apply. Revision 1 was stored without a revision (null). */
    static List<EventUpcaster> all() {
        return List.of(
                new AddedFieldsUpcaster(IncidentOpened.class, null, Map.of("receivedAt", JSON.nullNode())),
                new AddedFieldsUpcaster(DetectionCorrelated.class, null, Map.of("receivedAt", JSON.nullNode())),
                new AddedFieldsUpcaster(ImpactAssessed.class, null, Map.of("harms", JSON.arrayNode(),
                        "suspectedCrime", JSON.nullNode(), "subjectsByRegion", JSON.objectNode())),
                new AddedFieldsUpcaster(NotificationObligationDetermined.class, null, Map.of("waiverGrounds", JSON.arrayNode())),
                new AddedFieldsUpcaster(NotificationWaived.class, null, Map.of("ground", JSON.nullNode(),
                        "groundCitation", JSON.nullNode())),
                new AddedFieldsUpcaster(ResponderAssigned.class, null, Map.of("assigneeTag", JSON.nullNode())));
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return payloadType.equals(event.getType().getName()) && Objects.equals(fromRevision, event.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(new SimpleSerializedType(payloadType, toRevision), JsonNode.class, payload -> {
            ObjectNode next = ((ObjectNode) payload).deepCopy();
            added.forEach((field, value) -> {
                if (!next.has(field)) {
                    next.set(field, value.deepCopy());
                }
            });
            return next;
        });
    }
}
