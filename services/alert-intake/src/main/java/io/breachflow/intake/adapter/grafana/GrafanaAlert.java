package io.breachflow.intake.adapter.grafana;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/**
 * One entry of {@code alerts[]} in a Grafana webhook. Timestamps stay strings so that an unparsable one is
 * reported by field name. {@code values}, {@code valueString}, the URLs and the image are not read: query
 * results may be anything, including the personal data the rule watches.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrafanaAlert(
        String status,
        Map<String, String> labels,
        Map<String, String> annotations,
        String startsAt,
        String endsAt,
        String fingerprint) {
}
