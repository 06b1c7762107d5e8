package io.breachflow.workflow.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/incidents/{id}/notifications/data-subjects}. The content may hold personal data: it is
 * hashed on arrival and only the hash is kept.
 */
@Schema(description = "The people affected were told. Give exactly one of content and contentSha256.",
        example = "{\"obligationId\":\"pipl/art57-individuals\",\"channel\":\"email\",\"subjectsNotified\":12000,"
                + "\"content\":\"Dear customer, on 1 March we found ...\"}")
public record DataSubjectNotificationRequest(
        @Schema(required = true, description = "The obligation this notification fulfils", maxLength = 200)
        String obligationId,
        @Schema(required = true, description = "How they were told: email, sms, letter, public notice, ...", maxLength = 200)
        String channel,
        @Schema(required = true, description = "How many people were told", minimum = "0")
        Long subjectsNotified,
        @Schema(description = "The exact text sent; only its SHA-256 (of the UTF-8 bytes) is kept", maxLength = RegulatorNotificationRequest.MAX_CONTENT)
        String content,
        @Schema(description = "SHA-256 (64 hex digits) of content sent by other means", pattern = "[0-9a-fA-F]{64}")
        String contentSha256) {
}
