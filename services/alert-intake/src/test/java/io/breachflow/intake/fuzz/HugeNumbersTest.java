package io.breachflow.intake.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10: every numeric parse of every adapter is bounded. Each scalar of each fixture (numbers and texts alike,
 * since vendors send numbers as strings) is replaced, one at a time, by huge or exponent values: the outcome is
 * valid detections or a 4xx, never another exception (a 500), and never minutes of CPU. The timeout is a guard
 * only; every replacement takes microseconds.
 */
class HugeNumbersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Supplier<JsonNode>> HUGE = List.of(
            () -> JsonNodeFactory.instance.textNode("1e1000000"),
            () -> JsonNodeFactory.instance.textNode("-1e1000000"),
            () -> JsonNodeFactory.instance.textNode("1e17"),
            () -> JsonNodeFactory.instance.textNode("9".repeat(400)),
            () -> JsonNodeFactory.instance.numberNode(new BigDecimal("1e1000000")),
            () -> JsonNodeFactory.instance.numberNode(new BigDecimal("-1e1000000")),
            () -> JsonNodeFactory.instance.numberNode(1e17),
            () -> JsonNodeFactory.instance.numberNode(new BigDecimal("1e-1000000")),
            () -> JsonNodeFactory.instance.numberNode(new java.math.BigInteger("9".repeat(400))));

    static Stream<RegisteredAdapters.Covered> adapters() {
        return RegisteredAdapters.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adapters")
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugeNumbersGiveDetectionsOrA4xxQuickly(RegisteredAdapters.Covered covered) {
        List<JsonNode> fixtures = new ArrayList<>(covered.fixtures());
        fixtures.addAll(testFixtures(covered.adapter().source()));
        assertThat(fixtures).as("fixtures of %s", covered).isNotEmpty();
        int tries = 0;
        for (JsonNode fixture : fixtures) {
            for (String pointer : scalarPointers(fixture, "")) {
                for (Supplier<JsonNode> huge : HUGE) {
                    JsonNode changed = fixture.deepCopy();
                    replace(changed, pointer, huge.get());
                    long started = System.nanoTime();
                    AdapterOutcomes.assertValidOrRefused(covered.adapter(), AdapterOutcomes.bytes(changed));
                    assertThat(System.nanoTime() - started).as("%s at %s with %s", covered, pointer, huge.get())
                            .isLessThan(TimeUnit.SECONDS.toNanos(20)); // a hang guard, not a speed
                    tries++;
                }
            }
        }
        System.out.printf("%s: %d huge values tried%n", covered, tries);
    }

    private static List<JsonNode> testFixtures(String source) {
        Path dir = Path.of("src/test/resources/fixtures", source);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<JsonNode> found = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                found.add(JSON.readTree(file.toFile()));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> scalarPointers(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> pointers.addAll(scalarPointers(field.getValue(),
                    at + "/" + field.getKey().replace("~", "~0").replace("/", "~1"))));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                pointers.addAll(scalarPointers(node.get(i), at + "/" + i));
            }
        } else if (node.isNumber() || node.isTextual()) {
            pointers.add(at);
        }
        return pointers;
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }
}
