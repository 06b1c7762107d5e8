package io.breachflow.workflow.api;

import io.breachflow.contracts.incident.TriageVerdict;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/incidents/{id}/triage}. */
@Schema(description = "A triage decision", example = "{\"verdict\":\"CONFIRMED\",\"rationale\":\"Export reached an unknown host\"}")
public record TriageRequest(
        @Schema(required = true, description = "CONFIRMED: personal data is or may be affected; FALSE_POSITIVE: it is not")
        TriageVerdict verdict,
        @Schema(required = true, description = "Why; kept in the log as evidence", maxLength = 4000)
        String rationale) {
}
