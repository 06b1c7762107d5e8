package io.breachflow.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/resolve}. */
@Schema(description = "The breach is handled; the root cause is known",
        example = "{\"rootCause\":\"The reporting role had export rights it never needed; the rights were removed\"}")
public record ResolveRequest(
        @Schema(required = true, description = "The cause found, and what was changed so that it does not recur", maxLength = 4000)
        String rootCause) {
}
