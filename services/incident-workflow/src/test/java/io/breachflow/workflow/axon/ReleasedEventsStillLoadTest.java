package io.breachflow.workflow.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.contracts.CloudEventTypes;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.service.json.ContractJson;
import io.breachflow.workflow.command.ObligationDue;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events written by an earlier release still load into today's code through the event store's own path: the stored
 * row (payload type and revision as written) is upcast by the chain the service registers and deserialized by its
 * serializer, exactly as a replay of an aggregate or a tracking processor does. The rows are the golden files (the
 * contracts' for incident events, this module's test resources for the workflow's own), which are never edited: each
 * revision of each stored type, under the class name releases before issue 11 stored and under its stable name.
 */
class ReleasedEventsStillLoadTest {

    private static final Serializer SERIALIZER = AxonSerializers.jackson();
    private static final EventUpcasterChain CHAIN = new EventUpcasterChain(EventUpcasters.all());
    private static final ObjectMapper CONTRACT_JSON = ContractJson.newMapper();
    private static final StoredTypes TYPES = StoredTypes.breachflow();

    /** Every stored type, every revision from 1 to its current one, stored under a former class name and a stable name. */
    static Stream<Arguments> storedRows() {
        Map<String, String> formerClassNameOf = new java.util.HashMap<>();
        StoredTypes.FORMER_CLASS_NAMES.forEach((className, stableName) -> formerClassNameOf.put(stableName, className));
        return TYPES.names().stream().sorted().flatMap(type -> IntStream.rangeClosed(1, currentRevision(type)).boxed()
                .flatMap(revision -> Stream.of(formerClassNameOf.get(type), type)
                        .map(payloadType -> Arguments.of(type + ".r" + revision + ".json", payloadType, storedRevision(revision)))));
    }

    @ParameterizedTest(name = "{0} stored as {1}")
    @MethodSource("storedRows")
    void aStoredRowLoadsAsTodaysRecord(String golden, String payloadType, String revision) throws Exception {
        byte[] stored = golden(golden);
        String stableName = golden.substring(0, golden.lastIndexOf(".r"));
        Class<?> today = TYPES.classOf(stableName).orElseThrow();

        List<IntermediateEventRepresentation> upcast = CHAIN.upcast(Stream.of(new InitialEventRepresentation(
                row(payloadType, revision, stored), SERIALIZER))).toList();
        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getName()).as("read under its stable name").isEqualTo(stableName);
            assertThat(event.getType().getRevision()).as("read as today's revision").isEqualTo(storedRevision(currentRevision(stableName)));
        });

        assertThat(load(payloadType, revision, stored)).isInstanceOf(today)
                .as("what the tolerant contract reader makes of the same bytes").isEqualTo(CONTRACT_JSON.readValue(stored, today));
    }

    @Test
    void everyStoredTypeHadAClassNameBeforeIssueEleven() {
        assertThat(StoredTypes.FORMER_CLASS_NAMES.values()).containsExactlyInAnyOrderElementsOf(TYPES.names());
    }

    @Test
    void everyIncidentEventIsStoredUnderItsCloudEventsTypeAndRevision() throws Exception {
        IncidentOpened opened = CONTRACT_JSON.readValue(golden("io.breachflow.incident.opened.v1.r2.json"), IncidentOpened.class);
        SerializedObject<byte[]> serialized = SERIALIZER.serialize(opened, byte[].class);

        assertThat(serialized.getType().getName()).isEqualTo(CloudEventTypes.INCIDENT_OPENED);
        assertThat(serialized.getType().getRevision()).isEqualTo("2");
        assertThat(load(CloudEventTypes.INCIDENT_OPENED, "2", serialized.getData())).isEqualTo(opened);
        assertThat(TYPES.names()).allSatisfy(type -> assertThat(SERIALIZER.typeForClass(TYPES.classOf(type).orElseThrow()).getName())
                .as("stored name of %s", type).isEqualTo(type));
    }

    /** A pending clock stored by an earlier release (payload under its class name) still fires with today's payload. */
    @Test
    void aDeadlinePayloadLoadsUnderItsFormerClassNameAndItsStableName() throws Exception {
        String payload = new String(golden("io.breachflow.workflow.obligation-due.v1.r1.json"), StandardCharsets.UTF_8);
        ObligationDue due = CONTRACT_JSON.readValue(payload, ObligationDue.class);

        assertThat(SERIALIZER.serialize(due, String.class).getType().getName()).isEqualTo(StoredTypes.OBLIGATION_DUE);
        assertThat(Stream.of("io.breachflow.workflow.command.ObligationDue", StoredTypes.OBLIGATION_DUE))
                .allSatisfy(payloadClass -> assertThat(new DbSchedulerHumanReadableDeadlineDetails(ObligationDue.DEADLINE,
                        "{}", "unused", payload, payloadClass, null, "{\"actor\":\"SYSTEM\"}")
                        .asDeadLineMessage(SERIALIZER).getPayload()).as(payloadClass).isEqualTo(due));
    }

    /** Axon's own types (tracking tokens, metadata) keep their class names: token rows and deadline metadata still read. */
    @Test
    void axonsOwnTypesKeepTheirClassNames() {
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(42);
        SerializedObject<byte[]> serialized = SERIALIZER.serialize(token, byte[].class);

        assertThat(serialized.getType().getName()).isEqualTo(GlobalSequenceTrackingToken.class.getName());
        assertThat((Object) SERIALIZER.deserialize(serialized)).isEqualTo(token);
        assertThat(SERIALIZER.typeForClass(MetaData.class).getName()).isEqualTo(MetaData.class.getName());
    }

    private static int currentRevision(String type) {
        Revision revision = TYPES.classOf(type).orElseThrow().getAnnotation(Revision.class);
        return revision == null ? 1 : Integer.parseInt(revision.value());
    }

    /** Revision 1 was stored without a revision (no {@code @Revision} yet). */
    private static String storedRevision(int revision) {
        return revision == 1 ? null : String.valueOf(revision);
    }

    /** A row of the event table as the store hands it over. */
    private static GenericDomainEventEntry<byte[]> row(String payloadType, String revision, byte[] payload) {
        return new GenericDomainEventEntry<>("Incident", "3f0e8a4c-2b1d-4c5e-9f6a-7b8c9d0e1f2a", 0, "event-1",
                "2026-11-30T08:15:30.123Z", payloadType, revision, payload, "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static Object load(String payloadType, String revision, byte[] payload) {
        List<? extends DomainEventMessage<?>> events = EventStreamUtils
                .upcastAndDeserializeDomainEvents(Stream.of(row(payloadType, revision, payload)), SERIALIZER, CHAIN).asStream().toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }

    static byte[] golden(String name) throws Exception {
        try (InputStream in = ReleasedEventsStillLoadTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return in.readAllBytes();
        }
    }
}
