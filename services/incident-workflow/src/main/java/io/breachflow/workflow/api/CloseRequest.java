package io.breachflow.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/close} (DPO only). */
@Schema(description = "Closing the incident: every obligation must be fulfilled or waived",
        example = "{\"summary\":\"Contained in 20 minutes; authority and customers notified within the deadlines\"}")
public record CloseRequest(
        @Schema(required = true, description = "The summary kept with the closed incident", maxLength = 4000)
        String summary) {
}
