package io.breachflow.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/measures/{measureId}/complete}. */
@Schema(description = "The result of a remedial measure",
        example = "{\"outcome\":\"All 14 keys revoked; no further exports seen\",\"effective\":true}")
public record CompleteMeasureRequest(
        @Schema(required = true, description = "What the measure achieved", maxLength = 4000)
        String outcome,
        @Schema(required = true, description = "Whether it stopped or limited the harm (PIPL Art. 57: effective measures "
                + "may make telling individuals unnecessary)")
        Boolean effective) {
}
