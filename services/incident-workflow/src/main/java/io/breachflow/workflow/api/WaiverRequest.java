package io.breachflow.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/obligations/{obligationId}/waive} (DPO only). */
@Schema(description = "The ground the law gives for not fulfilling an obligation, and why it holds; the approving DPO is the caller",
        example = "{\"ground\":\"measures-avoid-harm\",\"rationale\":\"Keys revoked within 20 minutes; the exported file was encrypted and the key never left\"}")
public record WaiverRequest(
        @Schema(required = true, description = "One of the obligation's waiver grounds (listed on the obligation in the "
                + "history; a refusal lists them too). Obligations whose rule gives none cannot be waived.")
        String ground,
        @Schema(required = true, description = "Why the ground holds, kept as evidence", maxLength = 4000)
        String rationale) {
}
