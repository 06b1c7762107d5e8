package io.breachflow.workflow.api;

import io.breachflow.contracts.incident.ReportPhase;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/incidents/{id}/notifications/regulator}. The content may hold personal data: it is
 * hashed on arrival and only the hash is kept.
 */
@Schema(description = "A report made to an authority. Give exactly one of content and contentSha256.",
        example = "{\"obligationId\":\"cac-incident-reporting/initial-report\",\"authority\":\"Shanghai CAC\",\"phase\":\"INITIAL\","
                + "\"reference\":\"SH-2026-00042\",\"content\":\"Unit: Example Ltd. Time: 2026-03-01 08:10 ...\"}")
public record RegulatorNotificationRequest(
        @Schema(required = true, description = "The obligation this report fulfils, as determined for the incident", maxLength = 200)
        String obligationId,
        @Schema(required = true, description = "The authority told", maxLength = 200)
        String authority,
        @Schema(required = true, description = "INITIAL, SUPPLEMENTARY or FINAL (phased reporting)")
        ReportPhase phase,
        @Schema(description = "The authority's reference for the report, if any", maxLength = 200)
        String reference,
        @Schema(description = "The exact text sent; only its SHA-256 (of the UTF-8 bytes) is kept", maxLength = RegulatorNotificationRequest.MAX_CONTENT)
        String content,
        @Schema(description = "SHA-256 (64 hex digits) of content sent by other means", pattern = "[0-9a-fA-F]{64}")
        String contentSha256) {

    /** Content is hashed, never stored, so it may be longer than a note. */
    public static final int MAX_CONTENT = 1_000_000;
}
