package io.breachflow.workflow.api;

import io.breachflow.contracts.incident.MeasureKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/measures}. */
@Schema(description = "A remedial measure being started (Art. 4: remedial measures immediately)",
        example = "{\"measureId\":\"revoke-api-keys\",\"kind\":\"REVOKE_CREDENTIALS\",\"description\":\"Revoke the reporting role's API keys\"}")
public record StartMeasureRequest(
        @Schema(description = "The caller's id for the measure, so that a retried request starts nothing twice; "
                + "a UUID is generated (and returned) when absent", maxLength = 200, pattern = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}")
        String measureId,
        @Schema(required = true, description = "What kind of measure")
        MeasureKind kind,
        @Schema(required = true, description = "What is being done", maxLength = 4000)
        String description) {
}
