package io.breachflow.intake.adapter.cloudevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.breachflow.contracts.JsonSchemas;
import io.breachflow.contracts.detection.Detection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The published JSON Schema of a Detection ({@code /schemas/detection.v1.schema.json} from contracts), loaded
 * once, with {@code format} asserted (uuid, date-time), so that a producer's Detection is checked against exactly
 * what consumers are promised.
 */
final class DetectionSchema {

    private static final JsonSchema SCHEMA = load();

    private DetectionSchema() {
    }

    /** The violations, each naming its field under {@code prefix} (e.g. {@code data.severity: ...}), sorted. */
    static List<String> violations(JsonNode detection, String prefix) {
        return SCHEMA.validate(detection).stream()
                .map(ValidationMessage::getMessage)
                .map(message -> message.startsWith("$") ? prefix + message.substring(1) : prefix + ": " + message)
                .sorted()
                .toList();
    }

    private static JsonSchema load() {
        try (InputStream schema = Detection.class.getResourceAsStream(JsonSchemas.resourceOf(Detection.class))) {
            if (schema == null) {
                throw new IllegalStateException("the contracts jar lacks " + JsonSchemas.resourceOf(Detection.class));
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
                    // $.severity, $.assets[0]: becomes data.severity, data.assets[0] in the answer.
                    .pathType(PathType.LEGACY).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
