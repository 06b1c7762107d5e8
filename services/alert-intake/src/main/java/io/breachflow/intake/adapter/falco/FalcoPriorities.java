package io.breachflow.intake.adapter.falco;

import io.breachflow.contracts.detection.Severity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Falco's rule priorities (syslog levels) on Breachflow's scale: Emergency, Alert, Critical → CRITICAL;
 * Error → HIGH; Warning → MEDIUM; Notice → LOW; Informational (Info), Debug → INFO.
 */
final class FalcoPriorities {

    static final String ALLOWED = "emergency, alert, critical, error, warning, notice, informational, debug";

    private static final Map<String, Severity> SEVERITIES = Map.ofEntries(
            Map.entry("emergency", Severity.CRITICAL), Map.entry("alert", Severity.CRITICAL),
            Map.entry("critical", Severity.CRITICAL), Map.entry("error", Severity.HIGH),
            Map.entry("warning", Severity.MEDIUM), Map.entry("notice", Severity.LOW),
            Map.entry("informational", Severity.INFO), Map.entry("info", Severity.INFO),
            Map.entry("debug", Severity.INFO));

    private FalcoPriorities() {
    }

    static Optional<Severity> severity(String priority) {
        return Optional.ofNullable(SEVERITIES.get(priority.trim().toLowerCase(Locale.ROOT)));
    }
}
