package io.breachflow.intake.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Bad input, made from a {@link Random} (so a failing case is reproducible from its seed): arbitrary JSON, and
 * mutations of a valid fixture — dropped, duplicated and retyped fields, huge strings, deep nesting, numbers as
 * strings and strings as numbers, nulls.
 */
public final class JsonMutator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] KEYS = {"version", "groupKey", "status", "alerts", "labels", "annotations",
            "startsAt", "endsAt", "fingerprint", "commonLabels", "commonAnnotations", "severity", "breach_harm",
            "personal_data", "title", "description", "id", "time", "data", "rule", "source", "type", "specversion",
            "detail", "Records", "payload", "hits", "_source", "@timestamp", "", "\u0000", "é", "a.b"};

    private final Random random;

    public JsonMutator(Random random) {
        this.random = random;
    }

    /** The fixture with 1 to 4 mutations applied (a deep copy; the fixture stays as it is). */
    public JsonNode mutate(JsonNode fixture) {
        JsonNode copy = fixture.deepCopy();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            copy = mutateOnce(copy);
        }
        return copy;
    }

    /** Any JSON value, up to {@code depth} levels of containers. */
    public JsonNode arbitrary(int depth) {
        int kind = random.nextInt(depth <= 0 ? 6 : 8);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
            case 4, 5 -> NODES.textNode(text());
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(arbitrary(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    object.set(KEYS[random.nextInt(KEYS.length)], arbitrary(depth - 1));
                }
                yield object;
            }
        };
    }

    private JsonNode mutateOnce(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return arbitrary(3);
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.isEmpty() ? KEYS[random.nextInt(KEYS.length)] : names.get(random.nextInt(names.size()));
            object.set(name, replacement(object.get(name)));
            if (random.nextInt(5) == 0) {
                object.remove(name);
            }
            if (random.nextInt(6) == 0 && object.get(name) != null) {
                object.set(name + "_copy", object.get(name).deepCopy());
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextInt(4) == 0) {
                array.add(arbitrary(2));
            } else {
                int index = random.nextInt(array.size());
                switch (random.nextInt(3)) {
                    case 0 -> array.remove(index);
                    case 1 -> array.add(array.get(index).deepCopy());
                    default -> array.set(index, replacement(array.get(index)));
                }
            }
        }
        return root;
    }

    /** What a value turns into: retyped, emptied, huge, nested deep, or null. */
    private JsonNode replacement(JsonNode value) {
        return switch (random.nextInt(10)) {
            case 0 -> NODES.nullNode();
            case 1 -> value != null && value.isNumber() ? NODES.textNode(value.asText()) : NODES.numberNode(random.nextInt());
            case 2 -> value != null && value.isTextual() && value.asText().matches("-?\\d{1,18}")
                    ? NODES.numberNode(Long.parseLong(value.asText())) : NODES.textNode(String.valueOf(random.nextInt()));
            case 3 -> NODES.textNode("x".repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 2_000_000 : 20_000)));
            case 4 -> deep(50 + random.nextInt(random.nextInt(5) == 0 ? 900 : 200));
            case 5 -> value != null && value.isContainerNode() ? (value.isArray() ? NODES.objectNode() : NODES.arrayNode())
                    : NODES.arrayNode().add(value == null ? NODES.nullNode() : value);
            case 6 -> NODES.booleanNode(random.nextBoolean());
            case 7 -> NODES.textNode(text());
            default -> arbitrary(3);
        };
    }

    private JsonNode deep(int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("labels", node);
        }
        return node;
    }

    private String text() {
        String[] samples = {"", " ", "firing", "resolved", "4", "critical", "disclosure", "leak", "2024-05-14T09:12:31.504Z",
                "yesterday", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z", "NaN",
                "email,phone_number", ",,,", "Email, Phone-Number", "a@b.cn 13800138000", "\u0000\uFFFF\uD800", "{}",
                "🔥", "-1", "1e309"};
        return random.nextInt(3) == 0 ? randomChars() : samples[random.nextInt(samples.length)];
    }

    private String randomChars() {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(40); i > 0; i--) {
            text.append((char) random.nextInt(random.nextBoolean() ? 128 : 0xFFFF));
        }
        return text.toString();
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode() && containers.size() < 10_000) {
            containers.add(node);
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collect(children.next(), containers);
            }
        }
    }
}
