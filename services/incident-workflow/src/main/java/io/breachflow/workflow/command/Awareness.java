package io.breachflow.workflow.command;

import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.incident.AwarenessSource;

import java.time.Instant;

/**
 * When a detection made the organisation aware: Breachflow's receipt of it, or by policy the alerting system's own
 * earlier time. Never the time the workflow processed it, so a backlog or an outage moves no clock.
 */
final class Awareness {

    private Awareness() {
    }

    /** Breachflow's receipt of the detection; the processing time for detections that carry none, never later than now. */
    static Instant receipt(Detection detection, Instant now) {
        Instant received = detection.receivedAt();
        return received == null || received.isAfter(now) ? now : received;
    }

    /** Awareness by the policy: the receipt, or the alert's own time where that is earlier. */
    static Instant of(Detection detection, Instant received, AwarenessSource from) {
        Instant observed = detection.observedAt();
        return from == AwarenessSource.ALERT_TIME && observed != null && observed.isBefore(received) ? observed : received;
    }

}
