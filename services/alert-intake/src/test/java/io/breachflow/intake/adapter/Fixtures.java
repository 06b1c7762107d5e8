package io.breachflow.intake.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The vendor payloads of {@code src/test/resources/fixtures/<source>/} (see its README), as bytes or trees to vary. */
public final class Fixtures {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Instant RECEIVED_AT = Instant.parse("2024-05-14T09:20:00Z");

    private Fixtures() {
    }

    public static byte[] bytes(String source, String name) {
        String resource = "/fixtures/" + source + "/" + name;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture by its path under {@code fixtures/}, e.g. {@code macie/finding.json}. */
    public static byte[] bytes(String path) {
        int slash = path.indexOf('/');
        return bytes(path.substring(0, slash), path.substring(slash + 1));
    }

    /** A fresh, mutable copy of a fixture. */
    public static ObjectNode tree(String source, String name) {
        return (ObjectNode) read(bytes(source, name));
    }

    /** A fresh, mutable copy of a fixture by its path under {@code fixtures/}. */
    public static ObjectNode tree(String path) {
        return (ObjectNode) read(bytes(path));
    }

    public static JsonNode read(byte[] raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        return Digests.sha256Hex(bytes);
    }

    public static String correlationKey(String source, String joinedParts) {
        return source + ":" + Digests.sha256Hex(joinedParts.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /** The 400 problem an adapter answers for a fixture after {@code change}; fails if it accepts it. */
    public static Problem rejectionOf(AlertAdapter adapter, ObjectNode payload, Consumer<ObjectNode> change) {
        change.accept(payload);
        ProblemException rejection = catchThrowableOfType(ProblemException.class,
                () -> adapter.toDetections(payload, bytes(payload), RECEIVED_AT));
        assertThat(rejection).as("rejection").isNotNull();
        assertThat(rejection.problem().status()).isEqualTo(400);
        return rejection.problem();
    }
}
