package io.breachflow.e2e;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.breachflow.e2e.BreachflowClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, "Breachflow keeps no personal data it does not need": every alerting system's fixture is posted once per
 * string field, with made-up personal data in that field (an e-mail address, a Chinese mobile number, a resident ID
 * number and a bank card number, all unique to the field), and none of those values may turn up afterwards on any
 * Kafka topic, in either database, in any API answer or in any log.
 *
 * <p>A field's value is first replaced by the seeded values; where the intake refuses that (a timestamp, an enum,
 * an id it parses), the seeded values are appended to the original instead, which lenient parsers may let through.
 * Refusals are fine (a refused alert is not kept), server errors are not. The failure lists every finding: the
 * value, the field it was seeded into, and where it was found.
 */
class SeededPersonalDataIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROCESSING = Duration.ofMinutes(3);

    /**
     * An alerting system's payload (from the repository root; as VendorAlertsToIncidentsIT), its content type, and
     * the fields its upstream id is made of (services/alert-intake/ADAPTERS.md).
     */
    private record Fixture(String file, String contentType, List<String> identity) {
    }

    private static final Map<String, Fixture> FIXTURES = new LinkedHashMap<>();

    static {
        String fixtures = "services/alert-intake/src/test/resources/fixtures/";
        String json = "application/json";
        FIXTURES.put("alertmanager", new Fixture(AlertmanagerPayloads.SAMPLE, json, List.of("$.alerts[0].fingerprint", "$.alerts[1].fingerprint")));
        FIXTURES.put("grafana", new Fixture(fixtures + "grafana/firing-two-alerts.json", json, List.of("$.alerts[0].fingerprint", "$.alerts[1].fingerprint")));
        FIXTURES.put("elastic", new Fixture(fixtures + "elastic/security-alerts.json", json, List.of("$.alerts[0].kibana.alert.uuid", "$.alerts[1].kibana.alert.uuid")));
        FIXTURES.put("splunk", new Fixture(fixtures + "splunk/webhook-alert.json", json, List.of("$.sid")));
        FIXTURES.put("wazuh", new Fixture(fixtures + "wazuh/authentication-failure.json", json, List.of("$.id")));
        FIXTURES.put("falco", new Fixture(fixtures + "falco/read-sensitive-file.json", json, List.of("$.uuid")));
        FIXTURES.put("guardduty", new Fixture(fixtures + "guardduty/exfiltration-s3.json", json, List.of("$.detail.id")));
        FIXTURES.put("securityhub", new Fixture(fixtures + "securityhub/two-findings-one-archived.json", json, List.of("$.detail.findings[0].Id", "$.detail.findings[1].Id")));
        FIXTURES.put("macie", new Fixture(fixtures + "macie/sensitive-data-personal.json", json, List.of("$.detail.id")));
        FIXTURES.put("sentinel", new Fixture(fixtures + "sentinel/incident-closed.json", json, List.of("$.name")));
        FIXTURES.put("cloudevents", new Fixture(fixtures + "cloudevents/detection-structured.json", "application/cloudevents+json", List.of("$.data.upstreamId")));
    }

    private static LocalStack stack;
    private static BreachflowClient client;

    @BeforeAll
    static void startTheSystem() {
        stack = LocalStack.fresh(Path.of("target/e2e-seeded-run")).up();
        client = new BreachflowClient(stack);
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void noSeededPersonalDataIsKeptOrShownAnywhere() throws Exception {
        PersonalDataScan scan = new PersonalDataScan();
        Map<String, int[]> tally = new TreeMap<>();   // source → {fields, accepted, refused}
        List<String> serverErrors = new ArrayList<>();

        for (Map.Entry<String, Fixture> fixture : FIXTURES.entrySet()) {
            String source = fixture.getKey();
            JsonNode payload = JSON.readTree(LocalStack.repoRoot().resolve(fixture.getValue().file()).toFile());
            Map<String, JsonPointer> fields = stringFields(payload);
            assertThat(fields).as("string fields of the %s fixture", source).containsKeys(fixture.getValue().identity().toArray(String[]::new));
            int[] counts = tally.computeIfAbsent(source, s -> new int[3]);
            for (Map.Entry<String, JsonPointer> field : fields.entrySet()) {
                counts[0]++;
                String original = payload.at(field.getValue()).asText();
                Answer answer = post(scan, source, fixture.getValue(), payload, field, "replaced", values -> values);
                if (answer.status() >= 400 && answer.status() < 500) {
                    answer = post(scan, source, fixture.getValue(), payload, field, "appended", values -> original + " " + values);
                }
                if (answer.status() >= 500) {
                    serverErrors.add(source + " " + field.getKey() + ": " + answer.status() + " " + answer.body());
                }
                counts[answer.status() == 202 ? 1 : 2]++;
            }
        }
        int fields = tally.values().stream().mapToInt(counts -> counts[0]).sum();
        int accepted = tally.values().stream().mapToInt(counts -> counts[1]).sum();
        System.out.printf("Seeded %d fields of %d sources (%d values): %d accepted, %d refused; per source {fields, accepted,"
                + " refused}: %s%n", fields, FIXTURES.size(), scan.seeds().size(), accepted, fields - accepted,
                tally.entrySet().stream().map(e -> e.getKey() + "=" + Arrays.toString(e.getValue())).toList());
        assertThat(serverErrors).as("server errors of the intake").isEmpty();
        // Without accepted alerts the search below could find nothing however leaky the system is.
        assertThat(tally).as("{fields, accepted, refused} per source").allSatisfy((source, counts) ->
                assertThat(counts[1]).as("%s fields seeded and accepted", source).isGreaterThan(counts[0] / 3));

        long start = System.nanoTime();
        stack.awaitProcessed(PROCESSING);
        long processed = System.nanoTime();
        scan.scanStack(stack, client);
        System.out.printf("Processing took %d s, the search %d s%n",
                (processed - start) / 1_000_000_000, (System.nanoTime() - processed) / 1_000_000_000);
        scan.assertNothingFound(Path.of("target/seeded-personal-data-findings.txt"));
    }

    /**
     * Posts the payload with one field's value made from fresh seeds (replaced or appended). Its upstream id is made
     * new as well: a repeat of an earlier alert is rightly ignored by the workflow, and the seeded values must travel
     * the whole way. The intake's answer is an API answer like any other and is scanned too.
     */
    private static Answer post(PersonalDataScan scan, String source, Fixture fixture, JsonNode payload,
                               Map.Entry<String, JsonPointer> field, String how, Function<String, String> value) {
        List<PersonalDataScan.Seed> seeds = scan.seed(source + " " + field.getKey() + " (" + how + ")");
        JsonNode variant = withText(payload, field.getValue(), value.apply(PersonalDataScan.joined(seeds)));
        String tag = "-v" + scan.seeds().size() / seeds.size();
        Map<String, JsonPointer> fields = stringFields(payload);
        for (String identity : fixture.identity()) {
            if (!identity.equals(field.getKey())) {
                variant = withText(variant, fields.get(identity), payload.at(fields.get(identity)).asText() + tag);
            }
        }
        Answer answer = client.postAlert(source, AlertmanagerPayloads.write(variant).getBytes(StandardCharsets.UTF_8), fixture.contentType());
        scan.scan("API POST /v1/alerts/" + source, "answer " + answer.status() + " to the variant with " + field.getKey() + " " + how,
                answer.body());
        return answer;
    }

    /** Every string leaf of a JSON document: its path as "$.a.b[0]", and its pointer. */
    static Map<String, JsonPointer> stringFields(JsonNode document) {
        Map<String, JsonPointer> fields = new LinkedHashMap<>();
        collect(document, "$", JsonPointer.empty(), fields);
        return fields;
    }

    private static void collect(JsonNode node, String path, JsonPointer pointer, Map<String, JsonPointer> fields) {
        if (node.isTextual()) {
            fields.put(path, pointer);
        } else if (node.isObject()) {
            node.fields().forEachRemaining(child -> collect(child.getValue(), path + "." + child.getKey(),
                    pointer.appendProperty(child.getKey()), fields));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", pointer.appendIndex(i), fields);
            }
        }
    }

    private static JsonNode withText(JsonNode document, JsonPointer at, String text) {
        JsonNode copy = document.deepCopy();
        JsonNode parent = copy.at(at.head());
        if (parent instanceof ObjectNode object) {
            object.set(at.last().getMatchingProperty(), TextNode.valueOf(text));
        } else {
            ((ArrayNode) parent).set(at.last().getMatchingIndex(), TextNode.valueOf(text));
        }
        return copy;
    }
}
