package io.breachflow.workflow.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.contracts.CloudEventTypes;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What docs/EVENTS.md promises, played through: the record of {@code io.breachflow.incident.opened.v1} is renamed
 * (here to {@link OpenedIncident}) and its revision 3 renames {@code title} to {@code headline}. Registering the stable
 * name to the new class and adding one upcaster (revision 2 to 3) is all it takes: events stored by every earlier
 * release (revision 1 under the old class name, revision 2 under the stable name) load in today's shape.
 */
class RenamedEventStillLoadsTest {

    /** Today's record in this simulation: moved, renamed, and {@code title} renamed {@code headline}. */
    @Revision("3")
    record OpenedIncident(String incidentId, String headline, Instant openedAt, Instant receivedAt) {
    }

    /** The upcaster a revision with a renamed field needs: from the previous revision, on the stable name only. */
    static final class TitleRenamedHeadline extends SingleEventUpcaster {

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation event) {
            return CloudEventTypes.INCIDENT_OPENED.equals(event.getType().getName()) && "2".equals(event.getType().getRevision());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
            return event.upcastPayload(new SimpleSerializedType(CloudEventTypes.INCIDENT_OPENED, "3"), JsonNode.class, payload -> {
                ObjectNode next = ((ObjectNode) payload).deepCopy();
                next.set("headline", next.remove("title"));
                return next;
            });
        }
    }

    private static final StoredTypes RENAMED = new StoredTypes(Map.of(CloudEventTypes.INCIDENT_OPENED, OpenedIncident.class),
            Map.of("io.breachflow.contracts.incident.IncidentOpened", CloudEventTypes.INCIDENT_OPENED));
    private static final Serializer SERIALIZER = AxonSerializers.jackson(RENAMED);
    private static final Instant OPENED_AT = Instant.parse("2026-11-30T08:15:30.123Z");

    @Test
    void revisionOneStoredUnderTheOldClassNameLoadsAsTheRenamedRecord() throws Exception {
        assertThat(load("io.breachflow.contracts.incident.IncidentOpened", null, "io.breachflow.incident.opened.v1.r1.json"))
                .isEqualTo(new OpenedIncident("3f0e8a4c-2b1d-4c5e-9f6a-7b8c9d0e1f2a", "Backup bucket deleted", OPENED_AT, null));
    }

    @Test
    void revisionTwoStoredUnderTheStableNameLoadsAsTheRenamedRecord() throws Exception {
        assertThat(load(CloudEventTypes.INCIDENT_OPENED, "2", "io.breachflow.incident.opened.v1.r2.json"))
                .isEqualTo(new OpenedIncident("3f0e8a4c-2b1d-4c5e-9f6a-7b8c9d0e1f2a", "Backup bucket deleted", OPENED_AT,
                        Instant.parse("2026-11-30T08:14:00.123Z")));
    }

    @Test
    void theRenamedRecordIsStoredUnderTheSameStableNameAtItsNewRevision() {
        OpenedIncident today = new OpenedIncident("3f0e8a4c-2b1d-4c5e-9f6a-7b8c9d0e1f2a", "Backup bucket deleted", OPENED_AT, OPENED_AT);
        var serialized = SERIALIZER.serialize(today, byte[].class);

        assertThat(serialized.getType()).isEqualTo(new SimpleSerializedType(CloudEventTypes.INCIDENT_OPENED, "3"));
        assertThat((Object) SERIALIZER.deserialize(serialized)).isEqualTo(today);
    }

    /** The service's chain with this simulation's names, plus the new revision's upcaster at the end. */
    private static Object load(String payloadType, String revision, String golden) throws Exception {
        List<EventUpcaster> upcasters = new ArrayList<>();
        upcasters.add(new FormerClassNameUpcaster(RENAMED));
        upcasters.addAll(AddedFieldsUpcaster.all());
        upcasters.add(new TitleRenamedHeadline());
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("Incident", "3f0e8a4c-2b1d-4c5e-9f6a-7b8c9d0e1f2a",
                0, "event-1", "2026-11-30T08:15:30.123Z", payloadType, revision, ReleasedEventsStillLoadTest.golden(golden),
                "{}".getBytes(StandardCharsets.UTF_8));
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(row), SERIALIZER, new EventUpcasterChain(upcasters))
                .asStream().toList().get(0).getPayload();
    }
}
