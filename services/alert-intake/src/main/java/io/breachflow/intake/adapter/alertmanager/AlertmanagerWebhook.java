package io.breachflow.intake.adapter.alertmanager;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * The body of a Prometheus Alertmanager webhook, payload version "4"
 * (<a href="https://prometheus.io/docs/alerting/latest/configuration/#webhook_config">webhook_config</a>).
 * Every field may be absent here; {@link AlertmanagerAdapter} decides what is required.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertmanagerWebhook(
        String version,
        String groupKey,
        Integer truncatedAlerts,
        String status,
        String receiver,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        String externalURL,
        List<AlertmanagerAlert> alerts) {
}
