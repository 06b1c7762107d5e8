package io.breachflow.intake.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.intake.adapter.AlertAdapter;
import io.breachflow.intake.adapter.Fixtures;
import io.breachflow.intake.adapter.alertmanager.AlertmanagerAdapter;
import io.breachflow.intake.adapter.cloudevents.CloudEventsAdapter;
import io.breachflow.intake.adapter.elastic.ElasticAdapter;
import io.breachflow.intake.adapter.falco.FalcoAdapter;
import io.breachflow.intake.adapter.grafana.GrafanaAdapter;
import io.breachflow.intake.adapter.guardduty.GuardDutyAdapter;
import io.breachflow.intake.adapter.macie.MacieAdapter;
import io.breachflow.intake.adapter.securityhub.SecurityHubAdapter;
import io.breachflow.intake.adapter.sentinel.SentinelAdapter;
import io.breachflow.intake.adapter.splunk.SplunkAdapter;
import io.breachflow.intake.adapter.wazuh.WazuhAdapter;
import io.breachflow.service.json.ContractJson;
import io.breachflow.service.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack of issue 9, repeated for every fixture: a unique e-mail address, phone number, PRC ID number and
 * bank card number seeded into each string of the payload, one at a time (replacing the value, and appended to
 * it; plain, and spelt in groups or upper case), must not survive into what the intake publishes (adapter, then {@link Minimiser}) in any field, not even
 * case-folded or as its digits alone. Seeded payloads the adapter refuses publish nothing; they are counted, so that
 * a test whose seeds were all refused cannot pass.
 */
class SeededPersonalDataTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final Path SAMPLES = Path.of("samples");
    private static final Map<String, AlertAdapter> ADAPTERS = Stream.of(new AlertmanagerAdapter(), new GrafanaAdapter(),
                    new ElasticAdapter(), new SplunkAdapter(), new WazuhAdapter(), new FalcoAdapter(), new GuardDutyAdapter(),
                    new SecurityHubAdapter(), new MacieAdapter(), new SentinelAdapter(), new CloudEventsAdapter())
            .collect(Collectors.toMap(AlertAdapter::source, Function.identity()));
    /** How the cloudevents fixtures are sent (see their README). */
    private static final Map<String, Map<String, String>> HEADERS = Map.of(
            "detection-binary-data.json", Map.of("ce-specversion", "1.0", "ce-id", "evt-1", "ce-source", "/dlp/gateway-eu",
                    "ce-type", "io.breachflow.detection.v1", "content-type", "application/json"),
            "detection-structured.json", Map.of("content-type", CloudEventsAdapter.STRUCTURED_MEDIA_TYPE));

    private final ObjectMapper contractJson = ContractJson.newMapper();
    private final Minimiser minimiser = TestPseudonyms.MINIMISER;
    private int serial;

    record Fixture(String source, Path file) {
    }

    record Outcome(int seeded, int accepted, List<String> leaks) {
    }

    @Test
    void noSeededValueSurvivesInAnyPublishedField() throws IOException {
        List<Fixture> fixtures = fixtures();
        assertThat(fixtures.stream().map(Fixture::source).distinct()).as("every source has a fixture")
                .containsExactlyInAnyOrderElementsOf(ADAPTERS.keySet());
        int seeded = 0;
        int accepted = 0;
        List<String> leaks = new ArrayList<>();
        for (Fixture fixture : fixtures) {
            Outcome outcome = attack(fixture);
            seeded += outcome.seeded();
            accepted += outcome.accepted();
            leaks.addAll(outcome.leaks());
            assertThat(outcome.accepted()).as("seeded variants of %s the adapter accepted", fixture.file())
                    .isGreaterThan(outcome.seeded() / 3);
        }
        System.out.printf("seeded %d variants into %d fixtures, the adapters accepted %d%n", seeded, fixtures.size(), accepted);
        assertThat(leaks).as("seeded values found in published detections").isEmpty();
        // Most strings of a payload are free text or names; only timestamps, enums and the like refuse a seed.
        assertThat(accepted).as("accepted of %d seeded variants", seeded).isGreaterThan(seeded / 2);
        assertThat(seeded).isGreaterThan(1000);
    }

    private Outcome attack(Fixture fixture) throws IOException {
        AlertAdapter adapter = ADAPTERS.get(fixture.source());
        JsonNode original = Fixtures.read(Files.readAllBytes(fixture.file()));
        Map<String, String> headers = HEADERS.getOrDefault(fixture.file().getFileName().toString(), Map.of());
        int seeded = 0;
        int accepted = 0;
        List<String> leaks = new ArrayList<>();
        for (String pointer : stringLeaves(original, "")) {
            for (SeededValues.Kind kind : SeededValues.Kind.values()) {
                for (int variant = 0; variant < 4; variant++) {
                    boolean appended = variant % 2 == 1;
                    int n = ++serial;
                    String seed = variant < 2 ? SeededValues.of(kind, n) : SeededValues.spelled(kind, n);
                    JsonNode payload = original.deepCopy();
                    String value = payload.at(pointer).asText();
                    replace(payload, pointer, appended ? value + " " + seed : seed);
                    seeded++;
                    List<Detection> published;
                    try {
                        byte[] raw = Fixtures.bytes(payload);
                        published = minimiser.minimised(adapter.toDetections(Fixtures.read(raw), raw, Fixtures.RECEIVED_AT, headers));
                    } catch (ProblemException refused) {
                        continue;
                    }
                    accepted++;
                    String found = firstLeak(published, kind, seed);
                    if (found != null) {
                        leaks.add(fixture.file().getFileName() + " " + pointer + (appended ? " (appended)" : "")
                                + ": " + kind + " in " + found);
                    }
                }
            }
        }
        return new Outcome(seeded, accepted, leaks);
    }

    /** The field of the published JSON that holds the seed (or its folded form), null when none does. */
    private String firstLeak(List<Detection> detections, SeededValues.Kind kind, String seed) {
        String folded = SeededValues.folded(kind, seed);
        String local = seed.contains("@") ? seed.substring(0, seed.indexOf('@')).toLowerCase(Locale.ROOT) : null;
        for (Detection detection : detections) {
            JsonNode json = contractJson.valueToTree(detection);
            for (Map.Entry<String, String> text : texts(json, "").entrySet()) {
                String value = text.getValue();
                String candidate = kind == SeededValues.Kind.EMAIL ? value.toLowerCase(Locale.ROOT) : SeededValues.digitsOnly(value);
                if (value.contains(seed) || candidate.contains(folded) || local != null && candidate.contains(local)) {
                    return text.getKey() + " = " + value;
                }
            }
        }
        return null;
    }

    /** Every string of the JSON, names of object members included, by JSON Pointer. */
    private static Map<String, String> texts(JsonNode node, String pointer) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (node.isTextual()) {
            texts.put(pointer, node.asText());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                texts.put(pointer + "/" + field.getKey() + " (name)", field.getKey());
                texts.putAll(texts(field.getValue(), pointer + "/" + field.getKey()));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                texts.putAll(texts(node.get(i), pointer + "/" + i));
            }
        }
        return texts;
    }

    private static List<String> stringLeaves(JsonNode node, String pointer) {
        List<String> leaves = new ArrayList<>();
        if (node.isTextual()) {
            leaves.add(pointer);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field -> leaves.addAll(stringLeaves(field.getValue(),
                    pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"))));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves.addAll(stringLeaves(node.get(i), pointer + "/" + i));
            }
        }
        return leaves;
    }

    private static void replace(JsonNode root, String pointer, String value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, TextNode.valueOf(value));
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), TextNode.valueOf(value));
        }
    }

    /** Every fixture of every source, and the Alertmanager samples (Alertmanager's fixtures live there). */
    private static List<Fixture> fixtures() throws IOException {
        List<Fixture> fixtures = new ArrayList<>();
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            files.filter(file -> file.toString().endsWith(".json")).sorted()
                    .forEach(file -> fixtures.add(new Fixture(FIXTURES.relativize(file).getName(0).toString(), file)));
        }
        try (Stream<Path> files = Files.list(SAMPLES)) {
            files.filter(file -> file.getFileName().toString().startsWith(AlertmanagerAdapter.SOURCE)).sorted()
                    .forEach(file -> fixtures.add(new Fixture(AlertmanagerAdapter.SOURCE, file)));
        }
        return fixtures;
    }
}
