package io.breachflow.intake.adapter.alertmanager;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/**
 * One entry of {@code alerts[]} in an Alertmanager webhook. Timestamps stay strings here so that an
 * unparsable one is reported by field name ({@code alerts[1].startsAt}) rather than by Jackson's position.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertmanagerAlert(
        String status,
        Map<String, String> labels,
        Map<String, String> annotations,
        String startsAt,
        String endsAt,
        String generatorURL,
        String fingerprint) {
}
