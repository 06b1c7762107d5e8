package io.breachflow.dashboard.api;

import io.breachflow.dashboard.query.TimelineItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of an incident's history, oldest event first. */
@Schema(name = "Timeline")
public record TimelineResponse(
        String incidentId,
        List<TimelineItem> items,
        @Schema(description = "Give it as ?cursor= for the next page; null on the last page", nullable = true)
        String nextCursor) {
}
