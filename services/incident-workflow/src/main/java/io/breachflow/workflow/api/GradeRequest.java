package io.breachflow.workflow.api;

import io.breachflow.contracts.incident.IncidentGrade;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/grade}; regrading recomputes the notification clocks. */
@Schema(description = "The incident's grade (CAC Cybersecurity Incident Reporting Measures)",
        example = "{\"grade\":\"RELATIVELY_MAJOR\",\"rationale\":\"About 1.2 million people affected\"}")
public record GradeRequest(
        @Schema(required = true, description = "The grade")
        IncidentGrade grade,
        @Schema(required = true, description = "Why this grade", maxLength = 4000)
        String rationale) {
}
