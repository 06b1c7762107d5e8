package io.breachflow.workflow.api;

import io.breachflow.contracts.incident.FilingDetail;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** Body of {@code POST /api/incidents/{id}/filing-details}. */
@Schema(description = "Filing items only people can state; a later statement of an item replaces the earlier one in the filings",
        example = "{\"details\":{\"PLACE\":\"Shanghai data centre, rack B4\",\"SUPPORT_NEEDED\":\"None\","
                + "\"INDIVIDUAL_MEASURES\":\"Change your password and watch for phishing e-mails\"}}")
public record FilingDetailsRequest(
        @Schema(required = true, description = "Item → text; items: PLACE, SUPPORT_NEEDED, TREND, RANSOM_DEMAND, "
                + "SITE_PROTECTION, PLANNED_MEASURES, INDIVIDUAL_MEASURES, LESSONS_LEARNED, DELAY_REASONS, PERPETRATOR_FINDINGS")
        Map<FilingDetail, String> details) {
}
