package io.breachflow.intake.adapter.macie;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code detail} of a {@code Macie Finding} EventBridge event
 * (<a href="https://docs.aws.amazon.com/macie/latest/user/findings-publish-event-schemas.html">EventBridge event
 * schema for Macie findings</a>). {@code resourcesAffected} and {@code classificationDetails} stay trees: only a
 * few paths are read, and never the occurrences or any sample of the data.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MacieFinding(
        String schemaVersion,
        String id,
        String accountId,
        String region,
        String type,
        String title,
        String description,
        String category,
        Severity severity,
        String createdAt,
        String updatedAt,
        Long count,
        JsonNode resourcesAffected,
        JsonNode classificationDetails) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Severity(String description, Integer score) {
    }
}
