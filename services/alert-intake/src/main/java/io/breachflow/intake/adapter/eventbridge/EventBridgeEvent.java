package io.breachflow.intake.adapter.eventbridge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The Amazon EventBridge envelope every AWS service event arrives in
 * (<a href="https://docs.aws.amazon.com/eventbridge/latest/ref/events-structure.html">AWS service event
 * structure</a>): an API destination forwards it unchanged. {@code detail} stays a tree: each adapter binds its
 * own finding record.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventBridgeEvent(
        String version,
        String id,
        @JsonProperty("detail-type") String detailType,
        String source,
        String account,
        String time,
        String region,
        List<String> resources,
        JsonNode detail) {
}
