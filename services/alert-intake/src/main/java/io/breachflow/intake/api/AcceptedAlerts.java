package io.breachflow.intake.api;

import io.breachflow.contracts.detection.Detection;

import java.util.List;

/**
 * The body of a 202: what Breachflow now holds durably (Kafka acknowledged every detection), made from the
 * detections as {@link io.breachflow.intake.publish.DetectionPublisher} published them.
 *
 * @param detectionIds    one per alert, in payload order; a retried alert gets the same id again
 * @param correlationKeys the distinct correlation keys, by which the detections join incidents: the keyed
 *                        pseudonyms that were published, never the raw keys
 * @param count           how many detections were published
 */
public record AcceptedAlerts(List<String> detectionIds, List<String> correlationKeys, int count) {

    public static AcceptedAlerts of(List<Detection> detections) {
        return new AcceptedAlerts(
                detections.stream().map(Detection::id).toList(),
                detections.stream().map(Detection::correlationKey).distinct().toList(),
                detections.size());
    }
}
