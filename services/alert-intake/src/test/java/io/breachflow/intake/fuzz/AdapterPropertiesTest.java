package io.breachflow.intake.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.breachflow.intake.fuzz.RegisteredAdapters.Covered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input, property-style, over every registered {@link io.breachflow.intake.adapter.AlertAdapter}: arbitrary
 * JSON, mutated fixtures and broken bytes give valid detections or a 4xx problem, never anything else. Plain
 * JUnit with seeded {@link Random}s (no property-testing library, see the report of issue 4): each try has
 * its own seed, named in a failure, so that {@code -Dbreachflow.fuzz.seed=<seed> -Dbreachflow.fuzz.tries=1}
 * replays it; {@code -Dbreachflow.fuzz.seed} alone explores other inputs than the fixed default.
 */
class AdapterPropertiesTest {

    static final long BASE_SEED = Long.getLong("breachflow.fuzz.seed", 20261130L);
    static final int TRIES = Integer.getInteger("breachflow.fuzz.tries", 3000);

    static List<Covered> adapters() {
        return RegisteredAdapters.ALL;
    }

    @Test
    void coversEveryAdapter() {
        assertThat(RegisteredAdapters.NOT_INSTANTIABLE).as("adapters the properties cannot make").isEmpty();
        assertThat(RegisteredAdapters.ALL).extracting(Covered::toString).contains("alertmanager");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adapters")
    void mutatedFixturesGiveDetectionsOrA4xx(Covered covered) {
        forEachSeed(covered, (random, mutator) -> {
            JsonNode fixture = covered.fixtures().isEmpty()
                    ? mutator.arbitrary(4)
                    : covered.fixtures().get(random.nextInt(covered.fixtures().size()));
            AdapterOutcomes.assertValidOrRefused(covered.adapter(), AdapterOutcomes.bytes(mutator.mutate(fixture)));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adapters")
    void arbitraryJsonGivesDetectionsOrA4xx(Covered covered) {
        forEachSeed(covered, (random, mutator) ->
                AdapterOutcomes.assertValidOrRefused(covered.adapter(), AdapterOutcomes.bytes(mutator.arbitrary(5))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("adapters")
    void brokenBytesGiveA4xx(Covered covered) {
        byte[] fixture = covered.fixtures().isEmpty() ? "{}".getBytes(StandardCharsets.UTF_8)
                : AdapterOutcomes.bytes(covered.fixtures().get(0));
        forEachSeed(covered, (random, mutator) -> {
            byte[] noise = new byte[random.nextInt(65)];
            random.nextBytes(noise);
            byte[] raw = switch (random.nextInt(4)) {
                case 0 -> Arrays.copyOf(fixture, random.nextInt(fixture.length));
                case 1 -> {
                    byte[] flipped = fixture.clone();
                    for (int i = 0; i < 1 + random.nextInt(4); i++) {
                        flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                    }
                    yield flipped;
                }
                case 2 -> noise;
                default -> ("[".repeat(2000 + random.nextInt(5000)) + "]".repeat(10)).getBytes(StandardCharsets.UTF_8);
            };
            AdapterOutcomes.assertValidOrRefused(covered.adapter(), raw);
        });
    }

    @Test
    void scalarsAndEmptyContainersGiveA4xx() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        for (Covered covered : RegisteredAdapters.ALL) {
            for (JsonNode body : new JsonNode[] {nodes.nullNode(), nodes.objectNode(), nodes.arrayNode(),
                    nodes.textNode("{}"), nodes.numberNode(4), nodes.booleanNode(true)}) {
                assertThat(AdapterOutcomes.assertValidOrRefused(covered.adapter(), AdapterOutcomes.bytes(body))).isFalse();
            }
        }
    }

    /** Runs the check once per seed; a failure names the seed that reproduces it. */
    private static void forEachSeed(Covered covered, BiConsumer<Random, JsonMutator> check) {
        Random seeds = new Random(BASE_SEED ^ covered.adapter().source().hashCode());
        for (int i = 0; i < TRIES; i++) {
            long seed = TRIES == 1 ? BASE_SEED : seeds.nextLong();
            Random random = new Random(seed);
            try {
                check.accept(random, new JsonMutator(random));
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(covered + ", try " + i + ": replay with -Dbreachflow.fuzz.seed=" + seed
                        + " -Dbreachflow.fuzz.tries=1: " + failure, failure);
            }
        }
    }
}
