package io.breachflow.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/reopen}. */
@Schema(description = "The incident needs work again", example = "{\"reason\":\"The same export was seen again from another host\"}")
public record ReopenRequest(
        @Schema(required = true, description = "Why the incident is open again", maxLength = 4000)
        String reason) {
}
