package io.breachflow.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/assign}. */
@Schema(description = "Who handles the incident", example = "{\"assignee\":\"li.wei@example.com\"}")
public record AssignRequest(
        @Schema(required = true, description = "The responder in charge (user name or e-mail)", maxLength = 200)
        String assignee) {
}
