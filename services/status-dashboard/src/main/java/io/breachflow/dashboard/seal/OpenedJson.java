package io.breachflow.dashboard.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.breachflow.service.seal.KeyRing;

/**
 * A stored event's JSON with every text passed through its incident's {@link KeyRing}: sealed texts opened (or
 * {@value KeyRing#ERASED}), plain ones as they are. Every string, not a list of sealed fields: a field the workflow
 * starts to seal later is opened without a change here.
 */
public final class OpenedJson {

    private OpenedJson() {
    }

    /** A copy of {@code stored} with its texts read; {@code stored} is left as it is. */
    public static JsonNode of(JsonNode stored, KeyRing ring) {
        if (stored.isTextual()) {
            return TextNode.valueOf(ring.read(stored.textValue()));
        }
        if (stored.isObject()) {
            ObjectNode opened = JsonNodeFactory.instance.objectNode();
            stored.fields().forEachRemaining(field -> opened.set(field.getKey(), of(field.getValue(), ring)));
            return opened;
        }
        if (stored.isArray()) {
            ArrayNode opened = JsonNodeFactory.instance.arrayNode();
            stored.forEach(element -> opened.add(of(element, ring)));
            return opened;
        }
        return stored; // numbers, booleans, null: nothing to open
    }
}
