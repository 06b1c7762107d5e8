package io.breachflow.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/obligations/{obligationId}/waive} (DPO only). */
@Schema(description = "Why an obligation need not be fulfilled; the approving DPO is the caller",
        example = "{\"rationale\":\"Keys revoked within 20 minutes; the exported file was encrypted and the key never left\"}")
public record WaiverRequest(
        @Schema(required = true, description = "The reason, kept as evidence", maxLength = 4000)
        String rationale) {
}
