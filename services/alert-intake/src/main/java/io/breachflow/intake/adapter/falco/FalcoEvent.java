package io.breachflow.intake.adapter.falco;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The body falcosidekick's webhook output posts: one Falco event
 * (<a href="https://github.com/falcosecurity/falcosidekick/blob/master/docs/outputs/webhook.md">falcosidekick,
 * docs/outputs/webhook.md</a>; fields as in {@code types.FalcoPayload}). {@code output}, the event rendered as text,
 * is deliberately not bound: it carries user names, command lines and file names. Of {@code output_fields} only
 * container and Kubernetes names are read, for the assets.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FalcoEvent(
        String uuid,
        String priority,
        String rule,
        String time,
        @JsonProperty("output_fields") Map<String, JsonNode> outputFields,
        String source,
        List<String> tags,
        String hostname) {
}
