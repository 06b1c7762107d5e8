package io.breachflow.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.TriageVerdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every contract record survives a trip through JSON unchanged, and its JSON matches its published schema. */
class ContractRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final String INCIDENT = "3f0e8a4c-2b1d-4c5e-9f6a-7b8c9d0e1f2a";
    private static final String DETECTION = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final Instant T0 = Instant.parse("2026-11-30T08:15:30.123Z");

    static Stream<Object> records() {
        Detection detection = new Detection(DETECTION, "alertmanager", "fp-1@2026-11-30T08:15:00Z", "alertmanager:group:ab12",
                AlertStatus.FIRING, HarmKind.DISCLOSURE, Severity.CRITICAL, "Bulk export of customer table",
                "Unusual SELECT volume", T0, T0.plusSeconds(1), List.of("crm-db-1"), List.of("email", "phone_number"),
                Map.of("alertname", "BulkExport"), "a".repeat(64));
        return Stream.of(detection,
                new IncidentOpened(INCIDENT, "alertmanager:group:ab12", T0, DETECTION, "alertmanager", "fp-1", HarmKind.LOSS,
                        Severity.HIGH, "Backup bucket deleted", T0, List.of("s3://backups"), List.of("health")),
                new DetectionCorrelated(INCIDENT, DETECTION, "alertmanager", "fp-2", HarmKind.TAMPERING, Severity.LOW,
                        "Row checksums changed", T0, T0.plusSeconds(5), List.of(), List.of()),
                new IncidentTriaged(INCIDENT, TriageVerdict.FALSE_POSITIVE, "Scheduled export by the data team",
                        "responder@example.org", T0.plusSeconds(60)));
    }

    @ParameterizedTest
    @MethodSource("records")
    void roundTripsThroughJson(Object record) throws Exception {
        String json = JSON.writeValueAsString(record);
        assertThat(JSON.readValue(json, record.getClass())).isEqualTo(record);
    }

    @ParameterizedTest
    @MethodSource("records")
    void validatesAgainstItsSchema(Object record) throws Exception {
        JsonNode json = JSON.valueToTree(record);
        assertThat(schemaOf(record.getClass()).validate(json)).isEmpty();
    }

    @Test
    void schemaRejectsAnUnknownHarm() throws Exception {
        JsonNode json = JSON.valueToTree(records().findFirst().orElseThrow());
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("harm", "EXPLOSION");
        Set<ValidationMessage> errors = schemaOf(Detection.class).validate(json);
        assertThat(errors).anySatisfy(error -> assertThat(error.getMessage()).contains("harm"));
    }

    @Test
    void everyIncidentEventHasAStableCloudEventsType() {
        records().filter(IncidentEvent.class::isInstance).map(IncidentEvent.class::cast).forEach(event -> {
            String type = CloudEventTypes.of(event);
            assertThat(type).startsWith("io.breachflow.incident.").endsWith(".v1");
            assertThat(CloudEventTypes.incidentEventClass(type)).contains(event.getClass());
        });
        assertThat(CloudEventTypes.incidentEventClass("io.breachflow.unknown.v9")).isEmpty();
    }

    private static JsonSchema schemaOf(Class<?> type) throws Exception {
        try (InputStream in = JsonSchemas.class.getResourceAsStream(JsonSchemas.resourceOf(type))) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }
}
