package io.breachflow.intake.adapter.elastic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads an ECS field by its dotted name from an alert document whether it is written flat
 * ({@code "kibana.alert.uuid": ...}), nested ({@code "host": {"name": ...}}) or mixed
 * ({@code "kibana": {"alert.rule.name": ...}}), as Elasticsearch treats all three as the same field.
 */
final class EcsFields {

    private EcsFields() {
    }

    /** The node at {@code path}, or {@code null}. */
    static JsonNode get(JsonNode document, String path) {
        if (document == null || !document.isObject()) {
            return null;
        }
        JsonNode whole = document.get(path);
        if (whole != null) {
            return whole;
        }
        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
            JsonNode found = get(document.get(path.substring(0, dot)), path.substring(dot + 1));
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A scalar field's text, trimmed (the first element of an array); {@code null} when absent or blank. */
    static String text(JsonNode document, String path) {
        JsonNode value = get(document, path);
        if (value != null && value.isArray()) {
            value = value.isEmpty() ? null : value.get(0);
        }
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().trim();
        return text.isEmpty() ? null : text;
    }

    /** A keyword list's text values (a single string counts as a list of one). */
    static List<String> texts(JsonNode document, String path) {
        JsonNode value = get(document, path);
        List<String> texts = new ArrayList<>();
        if (value == null) {
            return texts;
        }
        if (value.isArray()) {
            value.forEach(element -> {
                if (element.isValueNode() && !element.isNull()) {
                    texts.add(element.asText());
                }
            });
        } else if (value.isValueNode() && !value.isNull()) {
            texts.add(value.asText());
        }
        return texts;
    }
}
