package io.breachflow.workflow;

import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Detections for tests, as alert-intake would publish them. */
public final class Detections {

    public static final Instant OBSERVED = Instant.parse("2026-11-30T08:00:00Z");

    private Detections() {
    }

    /** The same detection, received by the intake at {@code receivedAt}. */
    public static Detection receivedAt(Detection d, Instant receivedAt) {
        return new Detection(d.id(), d.sourceSystem(), d.upstreamId(), d.correlationKey(), d.status(), d.harm(), d.severity(),
                d.title(), d.description(), d.observedAt(), receivedAt, d.assets(), d.personalDataCategories(), d.labels(),
                d.payloadSha256());
    }

    /**
     * A detection the intake received just now: legal clocks run from the receipt, so a fixed past receipt would make
     * every clock of a running service overdue at once. Fixture tests that need fixed times use {@link #receivedAt}.
     */
    public static Detection detection(String correlationKey, String upstreamId, Severity severity) {
        String id = UUID.nameUUIDFromBytes(("alertmanager\n" + upstreamId).getBytes(StandardCharsets.UTF_8)).toString();
        return new Detection(id, "alertmanager", upstreamId, correlationKey, AlertStatus.FIRING, HarmKind.DISCLOSURE,
                severity, "Bulk export of the customer table", "", OBSERVED, Instant.now(), List.of("crm-db-1"),
                List.of("email"), Map.of("alertname", "CustomerTableBulkExport"), null);
    }
}
