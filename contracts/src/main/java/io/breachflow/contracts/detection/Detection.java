package io.breachflow.contracts.detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One alert of one alerting system, normalised: the value of {@code breach.detections.v1}.
 *
 * <p>Personal data stays out: categories, counts and asset names only, plus a hash of the raw payload as
 * evidence. The id is derived from the source and the upstream id, so a retried alert gets the same id.
 *
 * @param id               detection id, a name-based UUID of {@code sourceSystem} and {@code upstreamId}
 * @param sourceSystem     the adapter that received it, e.g. {@code alertmanager}
 * @param upstreamId       the alerting system's own identity of the alert (fingerprint, finding id, ...)
 * @param correlationKey   detections with the same key within the correlation window join one incident
 * @param status           firing or resolved
 * @param harm             what may have happened to the personal data
 * @param severity         normalised severity
 * @param title            a short human-readable summary
 * @param description      a longer description (may be empty)
 * @param observedAt       when the alerting system saw it
 * @param receivedAt       when Breachflow received it
 * @param assets           systems, hosts, buckets or services concerned
 * @param personalDataCategories categories of personal data concerned, lower-case words (e.g. {@code email})
 * @param labels           the alert's labels, for reference
 * @param payloadSha256    SHA-256 (hex) of the raw request body it came from, as evidence
 */
public record Detection(
        String id,
        String sourceSystem,
        String upstreamId,
        String correlationKey,
        AlertStatus status,
        HarmKind harm,
        Severity severity,
        String title,
        String description,
        Instant observedAt,
        Instant receivedAt,
        List<String> assets,
        List<String> personalDataCategories,
        Map<String, String> labels,
        String payloadSha256) {

    public Detection {
        assets = assets == null ? List.of() : List.copyOf(assets);
        personalDataCategories = personalDataCategories == null ? List.of() : List.copyOf(personalDataCategories);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        description = description == null ? "" : description;
    }
}
