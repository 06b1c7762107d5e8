package io.breachflow.intake.adapter;

import io.breachflow.contracts.detection.AlertStatus;

import java.util.Locale;

/**
 * The {@code firing}/{@code resolved} status of Alertmanager-style payloads (Alertmanager, Grafana): an alert
 * without its own status inherits the notification's, as Alertmanager's own templates do.
 */
public final class AlertStatuses {

    private AlertStatuses() {
    }

    /** The alert's status, or its notification's; anything else is a violation at {@code where}.status. */
    public static AlertStatus firingOrResolved(String alertStatus, String notificationStatus, String where,
                                               Violations violations) {
        String value = alertStatus != null ? alertStatus : notificationStatus;
        if (value != null) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "firing" -> { return AlertStatus.FIRING; }
                case "resolved" -> { return AlertStatus.RESOLVED; }
                default -> { }
            }
        }
        violations.add(where + ".status must be firing or resolved");
        return AlertStatus.FIRING;
    }
}
