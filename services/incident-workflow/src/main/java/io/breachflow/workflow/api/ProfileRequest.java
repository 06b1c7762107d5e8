package io.breachflow.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/profile} (DPO only). */
@Schema(description = "Why the incident is to be judged by the organisation profile configured now",
        example = "{\"reason\":\"Designated a critical information infrastructure operator on 1 December\"}")
public record ProfileRequest(
        @Schema(required = true, description = "The reason, kept as evidence", maxLength = 4000)
        String reason) {
}
