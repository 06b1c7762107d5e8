package io.breachflow.intake.adapter.securityhub;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * One entry of {@code detail.findings[]} of a {@code Security Hub Findings - Imported} event: an AWS Security
 * Finding Format (ASFF) finding, the attributes Breachflow reads
 * (<a href="https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-findings-format-syntax.html">ASFF
 * syntax</a>). ASFF names its attributes in PascalCase.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AsffFinding(
        @JsonProperty("Id") String id,
        @JsonProperty("ProductArn") String productArn,
        @JsonProperty("ProductName") String productName,
        @JsonProperty("GeneratorId") String generatorId,
        @JsonProperty("AwsAccountId") String awsAccountId,
        @JsonProperty("Region") String region,
        @JsonProperty("Types") List<String> types,
        @JsonProperty("Severity") Severity severity,
        @JsonProperty("Title") String title,
        @JsonProperty("Description") String description,
        @JsonProperty("Resources") List<Resource> resources,
        @JsonProperty("FirstObservedAt") String firstObservedAt,
        @JsonProperty("CreatedAt") String createdAt,
        @JsonProperty("UpdatedAt") String updatedAt,
        @JsonProperty("RecordState") String recordState,
        @JsonProperty("Workflow") Workflow workflow,
        @JsonProperty("ProductFields") Map<String, String> productFields) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Severity(@JsonProperty("Label") String label, @JsonProperty("Normalized") Integer normalized) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resource(@JsonProperty("Type") String type, @JsonProperty("Id") String id,
                           @JsonProperty("Region") String region) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Workflow(@JsonProperty("Status") String status) {
    }
}
