package io.breachflow.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/notes}. */
@Schema(description = "A note on the incident", example = "{\"noteId\":\"call-with-dba\",\"text\":\"DBA confirms the export ran at 08:02\"}")
public record NoteRequest(
        @Schema(description = "The caller's id for the note, so that a retried request adds nothing twice; a UUID is "
                + "generated (and returned) when absent", maxLength = 200, pattern = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}")
        String noteId,
        @Schema(required = true, description = "The note", maxLength = 4000)
        String text) {
}
