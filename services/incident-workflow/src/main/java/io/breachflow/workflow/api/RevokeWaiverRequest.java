package io.breachflow.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/obligations/{obligationId}/revoke-waiver} (DPO only). */
@Schema(description = "Why a waiver no longer stands; the obligation is owed again with a new clock",
        example = "{\"reason\":\"The provincial cyberspace administration requires the individuals to be notified (PIPL Art. 57 para. 2)\"}")
public record RevokeWaiverRequest(
        @Schema(required = true, description = "The reason, kept as evidence", maxLength = 4000)
        String reason) {
}
