package io.breachflow.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.breachflow.contracts.detection.HarmKind;

import java.util.List;
import java.util.Map;

/** Body of {@code POST /api/incidents/{id}/assessment}; the notification obligations are recomputed from it. */
@Schema(description = "What the breach affects",
        example = "{\"personalDataCategories\":[\"email\",\"phone_number\"],\"subjectsAffected\":12000,\"recordsAffected\":15500,"
                + "\"sensitiveData\":false,\"minorsData\":false,\"jurisdictions\":[\"CN\",\"EU\"],"
                + "\"likelyConsequences\":\"Phishing against the customers concerned\"}")
public record AssessmentRequest(
        @Schema(required = true, description = "Categories of personal data affected (at least one)")
        List<String> personalDataCategories,
        @Schema(required = true, description = "People affected (best estimate)", minimum = "0")
        Long subjectsAffected,
        @Schema(required = true, description = "Records affected (best estimate)", minimum = "0")
        Long recordsAffected,
        @Schema(required = true, description = "Sensitive personal information (PIPL Art. 28) or special categories (GDPR Art. 9)")
        Boolean sensitiveData,
        @Schema(required = true, description = "Data of minors (under 14 under PIPL)")
        Boolean minorsData,
        @Schema(required = true, description = "Where the people affected are: ISO 3166-1 alpha-2 codes, or EU")
        List<String> jurisdictions,
        @Schema(required = true, description = "The likely consequences for the people affected", maxLength = 4000)
        String likelyConsequences,
        @Schema(description = "Harms found, added to those the alerts reported (they accumulate): DISCLOSURE, LOSS, DAMAGE, TAMPERING")
        List<HarmKind> harms,
        @Schema(description = "A crime is suspected: the incident is reported to public security "
                + "(Network Data Security Management Regulations Art. 11)")
        Boolean suspectedCrime,
        @Schema(description = "People affected per region where known, e.g. {\"US-CA\": 700} (HIPAA 164.406 media notice)")
        Map<String, Long> subjectsByRegion) {
}
