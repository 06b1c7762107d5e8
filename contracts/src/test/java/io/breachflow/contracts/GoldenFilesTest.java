package io.breachflow.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.breachflow.contracts.incident.IncidentEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every incident event type has a golden file for every revision it was ever released at (see
 * {@code golden/README.md} and docs/EVENTS.md): a new {@code @Revision} without its file, a golden file for a type or
 * revision that does not exist, or a record that changed shape without a new revision fails the build.
 */
class GoldenFilesTest {

    private static final ObjectMapper CONTRACT_JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    private static final Pattern GOLDEN_NAME = Pattern.compile("(.+)\\.r([1-9][0-9]*)\\.json");

    @Test
    void everyIncidentEventTypeHasAGoldenFileForEachRevisionFromOneToItsCurrentOne() throws Exception {
        List<String> expected = incidentEventTypes().stream()
                .flatMap(type -> IntStream.rangeClosed(1, currentRevision(type)).mapToObj(revision -> type + ".r" + revision + ".json"))
                .toList();

        assertThat(expected).hasSizeGreaterThanOrEqualTo(incidentEventTypes().size());
        assertThat(goldenFiles()).containsAll(expected);
    }

    @Test
    void everyGoldenFileIsARevisionOfAKnownType() throws Exception {
        assertThat(goldenFiles()).isNotEmpty().allSatisfy(golden -> {
            Matcher name = GOLDEN_NAME.matcher(golden);
            assertThat(name.matches()).as("%s is named <CloudEvents type>.r<revision>.json", golden).isTrue();
            assertThat(incidentEventTypes()).as("type of %s", golden).contains(name.group(1));
            assertThat(Integer.parseInt(name.group(2))).as("revision of %s", golden).isBetween(1, currentRevision(name.group(1)));
        });
    }

    /** Whatever revision wrote it, nothing in the file is lost by today's record, and today's schema admits it. */
    @ParameterizedTest
    @MethodSource("goldenFiles")
    void readsIntoTodaysRecordKeepingEveryFieldAndIsValidAgainstTodaysSchema(String golden) throws Exception {
        JsonNode written = CONTRACT_JSON.readTree(text(golden));
        Class<? extends IncidentEvent> type = recordOf(golden);
        JsonNode rewritten = rewritten(golden);

        written.fields().forEachRemaining(field -> assertThat(rewritten.get(field.getKey()))
                .as("%s: %s", golden, field.getKey()).isEqualTo(field.getValue()));
        try (InputStream in = JsonSchemas.class.getResourceAsStream(JsonSchemas.resourceOf(type))) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config).validate(written))
                    .as(golden).isEmpty();
        }
    }

    /**
     * The file of the current revision has exactly today's fields: a field added to a record without a new
     * {@code @Revision} (and its golden file and upcaster) shows up here.
     */
    @Test
    void theCurrentRevisionsFileHasExactlyTodaysFields() throws Exception {
        assertThat(incidentEventTypes()).allSatisfy(type -> {
            String golden = type + ".r" + currentRevision(type) + ".json";
            JsonNode written = CONTRACT_JSON.readTree(text(golden));
            JsonNode rewritten = rewritten(golden);
            assertThat(names(rewritten)).as("fields of today's %s; a new field needs a new revision", type)
                    .containsExactlyInAnyOrderElementsOf(names(written));
        });
    }

    /** Every incident event type CloudEventTypes declares (its public constants that name an incident event). */
    static List<String> incidentEventTypes() throws IllegalAccessException {
        List<String> types = new ArrayList<>();
        for (Field field : CloudEventTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && CloudEventTypes.incidentEventClass((String) field.get(null)).isPresent()) {
                types.add((String) field.get(null));
            }
        }
        return types;
    }

    static int currentRevision(String type) {
        Revision revision = CloudEventTypes.incidentEventClass(type).orElseThrow().getAnnotation(Revision.class);
        return revision == null ? 1 : Integer.parseInt(revision.value());
    }

    static List<String> goldenFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(Path.of(Objects.requireNonNull(GoldenFilesTest.class.getResource("/golden")).toURI()))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted().toList();
        }
    }

    private static Class<? extends IncidentEvent> recordOf(String golden) {
        Matcher name = GOLDEN_NAME.matcher(golden);
        assertThat(name.matches()).as(golden).isTrue();
        return CloudEventTypes.incidentEventClass(name.group(1)).orElseThrow(() -> new AssertionError("no type for " + golden));
    }

    /** The file read into today's record and written again, as the services write it. */
    private static JsonNode rewritten(String golden) throws IOException {
        return CONTRACT_JSON.readTree(CONTRACT_JSON.writeValueAsString(CONTRACT_JSON.readValue(text(golden), recordOf(golden))));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String text(String golden) throws IOException {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + golden)) {
            assertThat(in).as("golden file %s", golden).isNotNull();
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
