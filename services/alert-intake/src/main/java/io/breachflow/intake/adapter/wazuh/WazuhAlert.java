package io.breachflow.intake.adapter.wazuh;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A Wazuh alert as the manager writes it to {@code alerts.json} and hands it to an integration script
 * (<a href="https://documentation.wazuh.com/current/user-manual/manager/integration-with-external-apis.html">
 * Wazuh, "Integration with external APIs", custom integration</a>). {@code full_log}, {@code data},
 * {@code syscheck} and {@code location} are deliberately not bound: they are the event itself (log lines,
 * user names, file paths) and never reach a detection.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WazuhAlert(
        String id,
        String timestamp,
        WazuhRule rule,
        WazuhAgent agent) {
}
