package io.breachflow.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.RuleReference;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events already in event stores and on Kafka stay readable: each golden file (an event exactly as revision 1 of its
 * type was written, see {@code golden/README.md}) reads with the tolerant contract mapper into today's record, every
 * field written keeps its value, and each field added since has its documented default.
 */
class ReleasedEventsStillReadTest {

    /** The shape of the service kit's ContractJson: how every service reads contract records. */
    private static final ObjectMapper CONTRACT_JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private static final String INCIDENT = "3f0e8a4c-2b1d-4c5e-9f6a-7b8c9d0e1f2a";
    private static final String DETECTION = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final Instant T0 = Instant.parse("2026-11-30T08:15:30.123Z");
    private static final String DPO = "dpo@example.org";

    /** Per golden file: the record as revision 1 knew it (built with the old-shape constructor) and the new fields' defaults. */
    static Stream<Arguments> releasedEvents() {
        return Stream.of(
                released(CloudEventTypes.INCIDENT_OPENED,
                        new IncidentOpened(INCIDENT, "alertmanager:group:ab12", T0, DETECTION, "alertmanager", "fp-1",
                                HarmKind.LOSS, Severity.HIGH, "Backup bucket deleted", T0, List.of("s3://backups"),
                                List.of("health")),
                        (IncidentOpened e) -> assertThat(e.receivedAt()).as("receivedAt").isNull()),
                released(CloudEventTypes.DETECTION_CORRELATED,
                        new DetectionCorrelated(INCIDENT, DETECTION, "alertmanager", "fp-2", HarmKind.TAMPERING,
                                Severity.LOW, "Row checksums changed", T0, T0.plusSeconds(5), List.of(), List.of()),
                        (DetectionCorrelated e) -> assertThat(e.receivedAt()).as("receivedAt").isNull()),
                released(CloudEventTypes.IMPACT_ASSESSED,
                        new ImpactAssessed(INCIDENT, List.of("email", "phone_number", "national_id"), 1_250_000,
                                1_310_442, true, false, List.of("CN", "EU"),
                                "Phishing and identity fraud against the customers concerned", DPO,
                                Instant.parse("2026-11-30T11:15:30.123Z")),
                        (ImpactAssessed e) -> {
                            assertThat(e.harms()).as("harms").isNotNull().isEmpty();
                            assertThat(e.suspectedCrime()).as("suspectedCrime").isNull();
                            assertThat(e.subjectsByRegion()).as("subjectsByRegion").isNotNull().isEmpty();
                        }),
                released(CloudEventTypes.NOTIFICATION_OBLIGATION_DETERMINED,
                        new NotificationObligationDetermined(INCIDENT, "cac-incident-reporting/initial-report",
                                new RuleReference("cac-incident-reporting", LocalDate.of(2025, 11, 1), "initial-report",
                                        "CAC Cybersecurity Incident Reporting Measures"),
                                ObligationKind.REGULATOR_NOTIFICATION, "CAC, provincial office",
                                Instant.parse("2026-11-30T12:15:30.123Z"),
                                List.of("affected systems", "incident grade", "personal information affected", "measures taken"),
                                "deadline-3f0e8a4c-initial-report", Instant.parse("2026-11-30T11:25:30.123Z")),
                        (NotificationObligationDetermined e) ->
                                assertThat(e.waiverGrounds()).as("waiverGrounds").isNotNull().isEmpty()),
                released(CloudEventTypes.NOTIFICATION_WAIVED,
                        new NotificationWaived(INCIDENT, "pipl/art57-data-subjects-sms",
                                "Every person concerned was reached by e-mail; PIPL Art. 57: the measures taken effectively avoid harm",
                                DPO, Instant.parse("2026-12-01T08:16:30.123Z")),
                        (NotificationWaived e) -> {
                            assertThat(e.ground()).as("ground").isNull();
                            assertThat(e.groundCitation()).as("groundCitation").isNull();
                        }),
                released(CloudEventTypes.RESPONDER_ASSIGNED,
                        new ResponderAssigned(INCIDENT, "oncall-responder", "oncall-lead",
                                Instant.parse("2026-11-30T08:17:30.123Z")),
                        (ResponderAssigned e) -> assertThat(e.assigneeTag()).as("assigneeTag").isNull()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedEvents")
    void readsIntoTodaysRecordWithTheDocumentedDefaults(String golden, IncidentEvent asReleased,
                                                        Consumer<IncidentEvent> newFieldsHaveTheirDefaults) throws Exception {
        IncidentEvent read = read(golden);
        assertThat(read).isEqualTo(asReleased);
        newFieldsHaveTheirDefaults.accept(read);
    }

    /** Independently of the expected records above: each property in the file comes back with the same JSON value. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedEvents")
    void everyFieldWrittenKeepsItsValue(String golden) throws Exception {
        JsonNode written = CONTRACT_JSON.readTree(text(golden));
        JsonNode rewritten = CONTRACT_JSON.readTree(CONTRACT_JSON.writeValueAsString(read(golden)));
        assertThat(written.size()).as("%s has fields", golden).isPositive();
        written.fields().forEachRemaining(field -> assertThat(rewritten.get(field.getKey()))
                .as("%s: %s", golden, field.getKey()).isEqualTo(field.getValue()));
    }

    /** Today's published schema still admits what was released (the added fields are optional). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedEvents")
    void isValidAgainstTodaysSchema(String golden) throws Exception {
        Class<? extends IncidentEvent> type = typeOf(golden);
        try (InputStream in = JsonSchemas.class.getResourceAsStream(JsonSchemas.resourceOf(type))) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config)
                    .validate(CONTRACT_JSON.readTree(text(golden)))).isEmpty();
        }
    }

    /** The golden file of each type stays: a missing or renamed file would silently drop the check above. */
    @Test
    void everyChangedEventHasItsReleasedShape() {
        assertThat(releasedEvents().map(arguments -> (String) ((Named<?>) arguments.get()[0]).getPayload()))
                .containsExactlyInAnyOrder(
                        "io.breachflow.incident.opened.v1.r1.json",
                        "io.breachflow.incident.detection-correlated.v1.r1.json",
                        "io.breachflow.incident.impact-assessed.v1.r1.json",
                        "io.breachflow.incident.notification-obligation-determined.v1.r1.json",
                        "io.breachflow.incident.notification-waived.v1.r1.json",
                        "io.breachflow.incident.responder-assigned.v1.r1.json")
                .allSatisfy(golden -> assertThat(ReleasedEventsStillReadTest.class.getResource("/golden/" + golden))
                        .as(golden).isNotNull());
    }

    @SuppressWarnings("unchecked")
    private static <E extends IncidentEvent> Arguments released(String type, E asReleased, Consumer<E> defaults) {
        String golden = type + ".r1.json";
        return Arguments.of(Named.of(golden, golden), asReleased, (Consumer<IncidentEvent>) (Consumer<?>) defaults);
    }

    private static IncidentEvent read(String golden) throws IOException {
        return CONTRACT_JSON.readValue(text(golden), typeOf(golden));
    }

    private static Class<? extends IncidentEvent> typeOf(String golden) {
        String type = golden.substring(0, golden.lastIndexOf(".r"));
        return CloudEventTypes.incidentEventClass(type)
                .orElseThrow(() -> new AssertionError("no incident event type " + type + " for " + golden));
    }

    private static String text(String golden) throws IOException {
        try (InputStream in = ReleasedEventsStillReadTest.class.getResourceAsStream("/golden/" + golden)) {
            assertThat(in).as("golden file %s", golden).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
