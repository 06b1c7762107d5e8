package io.breachflow.dashboard.api;

import io.breachflow.dashboard.query.TimelineItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An incident's history, oldest event first. */
@Schema(name = "Timeline")
public record TimelineResponse(String incidentId, List<TimelineItem> items) {
}
