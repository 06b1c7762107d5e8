package io.breachflow.intake.adapter.grafana;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * The body of a Grafana Alerting webhook contact point
 * (<a href="https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/">
 * Configure webhook notifications, "Webhook JSON payload"</a>): Alertmanager's shape plus {@code orgId},
 * {@code title}, {@code state} and {@code message}. The templated {@code title}/{@code message} are not read:
 * they are rendered from the alerts' labels and values. Every field may be absent here; {@link GrafanaAdapter}
 * decides what is required.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrafanaWebhook(
        String receiver,
        String status,
        Long orgId,
        String groupKey,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        List<GrafanaAlert> alerts) {
}
