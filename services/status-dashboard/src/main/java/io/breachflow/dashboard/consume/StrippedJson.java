package io.breachflow.dashboard.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.breachflow.service.text.ControlCharacters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Removes control characters ({@link ControlCharacters}) from every text and field name of an event's JSON, before
 * it becomes an event and is stored. Events already on Kafka may carry them (a NUL in a title made PostgreSQL refuse
 * the row and the dashboard dead-letter the whole incident, issue 10): a projection shows such an event without
 * them rather than not at all.
 */
final class StrippedJson {

    private StrippedJson() {
    }

    /** Strips the node in place (containers) and returns it, or its replacement (a text). */
    static JsonNode strip(JsonNode node) {
        if (node instanceof TextNode text) {
            String stripped = ControlCharacters.strip(text.textValue());
            return stripped == text.textValue() ? text : TextNode.valueOf(stripped);
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, strip(array.get(i)));
            }
        } else if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            object.removeAll();
            for (Map.Entry<String, JsonNode> field : fields) {
                object.set(ControlCharacters.strip(field.getKey()), strip(field.getValue()));
            }
        }
        return node;
    }
}
