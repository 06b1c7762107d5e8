package io.breachflow.intake.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.breachflow.contracts.JsonSchemas;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.intake.adapter.AlertAdapter;
import io.breachflow.intake.adapter.PayloadJson;
import io.breachflow.service.json.ContractJson;
import io.breachflow.service.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property every adapter must have, whatever the bytes: valid detections (against the Detection JSON
 * Schema), or a 4xx problem (a {@link ProblemException}, or malformed JSON, which the service kit answers 400)
 * — never another exception, which would be a 500.
 */
final class AdapterOutcomes {

    static final Instant RECEIVED_AT = Instant.parse("2026-11-30T04:00:00Z");
    static final JsonSchema DETECTION_SCHEMA = schema();
    private static final ObjectMapper CONTRACT_JSON = ContractJson.newMapper();

    private AdapterOutcomes() {
    }

    /** @return true when the adapter accepted the body (and every detection was valid) */
    static boolean assertValidOrRefused(AlertAdapter adapter, byte[] raw) {
        List<Detection> detections;
        try {
            JsonNode body = PayloadJson.parse(raw);
            detections = adapter.toDetections(body, raw, RECEIVED_AT);
        } catch (JsonProcessingException malformed) {
            return false;
        } catch (ProblemException refused) {
            assertThat(refused.problem().status()).as("status of %s", refused.problem()).isBetween(400, 499);
            assertThat(refused.problem().detail()).as("detail").isNotBlank();
            return false;
        }
        assertThat(detections).as("detections of an accepted body").isNotEmpty();
        for (Detection detection : detections) {
            assertValid(CONTRACT_JSON.valueToTree(detection));
            assertThat(detection.sourceSystem()).isEqualTo(adapter.source());
        }
        return true;
    }

    static void assertValid(JsonNode detection) {
        assertThat(DETECTION_SCHEMA.validate(detection)).as("schema violations of %s", detection).isEmpty();
    }

    /** Writes any tree, however deep: a body too deep to read is the parser's to refuse, not the harness's. */
    private static final ObjectMapper UNBOUNDED_WRITER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamWriteConstraints(com.fasterxml.jackson.core.StreamWriteConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE).build())
            .build());

    static byte[] bytes(JsonNode node) {
        try {
            return UNBOUNDED_WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema() {
        try (InputStream schema = Detection.class.getResourceAsStream(JsonSchemas.resourceOf(Detection.class))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
