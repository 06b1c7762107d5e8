package io.breachflow.workflow.history;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;

import java.time.Instant;
import java.util.List;

/**
 * A detection that opened or joined the incident: the alert's identity at its source (the tracing clue a
 * regulator asks for), what it suspects and its three times: {@code observedAt} by the alerting system,
 * {@code receivedAt} by Breachflow's intake (null in events written before receipts were kept), and
 * {@code recordedAt} when the workflow processed it. Categories only, never personal data values.
 */
public record DetectionEntry(
        String detectionId,
        String sourceSystem,
        String upstreamId,
        HarmKind harm,
        Severity severity,
        String title,
        Instant observedAt,
        Instant receivedAt,
        Instant recordedAt,
        List<String> assets,
        List<String> personalDataCategories) {

    public DetectionEntry {
        assets = assets == null ? List.of() : List.copyOf(assets);
        personalDataCategories = personalDataCategories == null ? List.of() : List.copyOf(personalDataCategories);
    }
}
