package io.breachflow.workflow.api;

import io.breachflow.contracts.incident.ErasureGround;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/erase-personal-data} (DPO only). */
@Schema(description = "Why the incident's responder texts are erased",
        example = "{\"ground\":\"DATA_SUBJECT_REQUEST\",\"reference\":\"DSR-2026-0142\"}")
public record ErasureRequest(
        @Schema(required = true, description = "RETENTION_ENDED, DATA_SUBJECT_REQUEST or DPO_DECISION")
        ErasureGround ground,
        @Schema(description = "The request's or decision's reference, e.g. a ticket number; never a person's name",
                maxLength = 100, pattern = "[A-Za-z0-9._:/#-]+")
        String reference) {
}
