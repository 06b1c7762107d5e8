package io.breachflow.workflow.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to an accepted responder command: what it was applied to and by whom, with the ids the server chose
 * or computed. The command's events are in the event store; the dashboard follows within moments.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An accepted command", example = "{\"incidentId\":\"0b8e5c9e-4c1e-4f57-9a43-6f1c2a0d7e11\",\"command\":\"measures\",\"actor\":\"responder@breachflow.local\",\"measureId\":\"revoke-api-keys\"}")
public record CommandAccepted(
        @Schema(description = "The incident") String incidentId,
        @Schema(description = "The action, as in the path: triage, assign, measures, ...") String command,
        @Schema(description = "Who gave it: the token's upn (or sub)") String actor,
        @Schema(description = "The remedial measure started or completed (the caller's id or a generated UUID)") String measureId,
        @Schema(description = "The note added (the caller's id or a generated UUID)") String noteId,
        @Schema(description = "The obligation a notification or waiver was recorded for") String obligationId,
        @Schema(description = "SHA-256 (hex) of the notification content, as recorded") String contentSha256) {

    public CommandAccepted(String incidentId, String command, String actor) {
        this(incidentId, command, actor, null, null, null, null);
    }

    public CommandAccepted withMeasureId(String id) {
        return new CommandAccepted(incidentId, command, actor, id, noteId, obligationId, contentSha256);
    }

    public CommandAccepted withNoteId(String id) {
        return new CommandAccepted(incidentId, command, actor, measureId, id, obligationId, contentSha256);
    }

    public CommandAccepted withObligation(String id, String sha256) {
        return new CommandAccepted(incidentId, command, actor, measureId, noteId, id, sha256);
    }
}
