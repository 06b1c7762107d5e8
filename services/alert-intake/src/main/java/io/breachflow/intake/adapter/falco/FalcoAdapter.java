package io.breachflow.intake.adapter.falco;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.intake.adapter.AlertAdapter;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.PayloadJson;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Falco events, as falcosidekick's webhook output posts them (one event per request), to one detection.
 *
 * <p>The upstream id is falcosidekick's {@code uuid}; events of one rule on one host share the correlation key
 * {@code falco:} + 32 hex digits of SHA-256(rule + "\n" + hostname). Severity comes from {@code priority}
 * ({@link FalcoPriorities}); harm and categories from {@code breach_harm:} / {@code personal_data:} rule tags.
 * The event text ({@code output}) is never copied. See {@code ADAPTERS.md}.
 */
@ApplicationScoped
public class FalcoAdapter implements AlertAdapter {

    public static final String SOURCE = "falco";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt) {
        FalcoEvent event = PayloadJson.bind(body, FalcoEvent.class);
        return List.of(FalcoEventMapping.toDetection(event, Digests.sha256Hex(raw), receivedAt));
    }
}
