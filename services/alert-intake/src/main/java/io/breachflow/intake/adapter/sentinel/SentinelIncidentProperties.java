package io.breachflow.intake.adapter.sentinel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The {@code properties} of a Microsoft Sentinel incident, the subset Breachflow reads
 * (<a href="https://learn.microsoft.com/en-us/rest/api/securityinsights/incidents/get">Incidents - Get</a>,
 * {@code IncidentProperties}). {@code owner} (a person's e-mail and UPN) is deliberately not bound.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SentinelIncidentProperties(
        Long incidentNumber,
        String title,
        String description,
        String severity,
        String status,
        String classification,
        String createdTimeUtc,
        String firstActivityTimeUtc,
        String lastModifiedTimeUtc,
        String incidentUrl,
        String providerName,
        String providerIncidentId,
        List<Label> labels,
        JsonNode additionalData,
        JsonNode relatedEntities) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Label(String labelName, String labelType) {
    }
}
