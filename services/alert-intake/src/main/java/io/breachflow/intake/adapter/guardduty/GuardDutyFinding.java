package io.breachflow.intake.adapter.guardduty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code detail} of a {@code GuardDuty Finding} EventBridge event: a GuardDuty finding
 * (<a href="https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html">GuardDuty
 * EventBridge event format</a>; fields as in the
 * <a href="https://docs.aws.amazon.com/guardduty/latest/APIReference/API_Finding.html">Finding</a> API type).
 * {@code resource} and {@code service} stay trees: their shape depends on the resource type.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GuardDutyFinding(
        String schemaVersion,
        String accountId,
        String region,
        String id,
        String arn,
        String type,
        Double severity,
        String title,
        String description,
        String createdAt,
        String updatedAt,
        JsonNode resource,
        JsonNode service) {
}
