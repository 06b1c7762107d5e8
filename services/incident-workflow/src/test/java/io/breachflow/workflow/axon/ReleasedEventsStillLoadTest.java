package io.breachflow.workflow.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.service.json.ContractJson;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events written by an earlier release still load into today's code through the event store's own path: the stored
 * row (payload type = class name, revision as it was written: none for revision 1) is upcast by the chain the
 * service registers and deserialized by its serializer, exactly as a replay of the aggregate or the publisher does.
 * The rows are the contracts' golden files, which are never edited.
 */
class ReleasedEventsStillLoadTest {

    private static final Serializer SERIALIZER = AxonSerializers.jackson();
    private static final EventUpcasterChain CHAIN = new EventUpcasterChain(AddedFieldsUpcaster.all());
    private static final ObjectMapper CONTRACT_JSON = ContractJson.newMapper();

    @ParameterizedTest
    @ValueSource(strings = {
            "io.breachflow.incident.opened.v1.r1.json",
            "io.breachflow.incident.detection-correlated.v1.r1.json",
            "io.breachflow.incident.impact-assessed.v1.r1.json",
            "io.breachflow.incident.notification-obligation-determined.v1.r1.json",
            "io.breachflow.incident.notification-waived.v1.r1.json"})
    void aRevisionOneRowLoadsAsTodaysRecordWithTheAddedFieldsDefaulted(String golden) throws Exception {
        byte[] stored = golden(golden);
        Class<? extends IncidentEvent> type = CloudEventTypes.incidentEventClass(golden.substring(0, golden.indexOf(".r1.json")))
                .orElseThrow();

        List<IntermediateEventRepresentation> upcast = CHAIN.upcast(Stream.of(new InitialEventRepresentation(row(type, null, stored),
                SERIALIZER))).toList();
        assertThat(upcast).singleElement().satisfies(event -> assertThat(event.getType().getRevision())
                .as("read as today's revision").isEqualTo(type.getAnnotation(Revision.class).value()));

        Object loaded = load(type, null, stored);

        assertThat(loaded).isInstanceOf(type)
                .as("what the tolerant contract reader makes of the same bytes").isEqualTo(CONTRACT_JSON.readValue(stored, type));
    }

    @Test
    void todaysEventsAreStoredAsRevisionTwoAndLoadUnchanged() throws Exception {
        IncidentOpened opened = CONTRACT_JSON.readValue(golden("io.breachflow.incident.opened.v1.r1.json"), IncidentOpened.class);
        IncidentOpened withReceipt = new IncidentOpened(opened.incidentId(), opened.correlationKey(), opened.openedAt(),
                opened.detectionId(), opened.sourceSystem(), opened.upstreamId(), opened.harm(), opened.severity(), opened.title(),
                opened.observedAt(), opened.assets(), opened.personalDataCategories(), opened.openedAt().minusSeconds(90));
        var serialized = SERIALIZER.serialize(withReceipt, byte[].class);

        assertThat(serialized.getType().getRevision()).isEqualTo("2");
        assertThat(load(IncidentOpened.class, "2", serialized.getData())).isEqualTo(withReceipt);
    }

    /** A row of the event table as the store hands it over: payload type = class name, the revision as written. */
    private static GenericDomainEventEntry<byte[]> row(Class<?> type, String revision, byte[] payload) {
        return new GenericDomainEventEntry<>("Incident", "3f0e8a4c-2b1d-4c5e-9f6a-7b8c9d0e1f2a", 0, "event-1",
                "2026-11-30T08:15:30.123Z", type.getName(), revision, payload, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static Object load(Class<?> type, String revision, byte[] payload) {
        List<? extends DomainEventMessage<?>> events = EventStreamUtils
                .upcastAndDeserializeDomainEvents(Stream.of(row(type, revision, payload)), SERIALIZER, CHAIN).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }

    private static byte[] golden(String name) throws Exception {
        try (InputStream in = ReleasedEventsStillLoadTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s in the contracts jar", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
