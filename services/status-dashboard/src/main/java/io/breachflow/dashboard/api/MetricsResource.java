package io.breachflow.dashboard.api;

import io.breachflow.dashboard.consume.ProjectionMetrics;
import io.breachflow.dashboard.query.DashboardMetrics;
import io.breachflow.dashboard.query.MetricsQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;

/** {@code GET /api/metrics}: how fast incidents are handled, and how far behind the dashboard is. */
@Path("/api/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics", description = "Handling times and counts over all incidents")
public class MetricsResource {

    @Inject
    MetricsQueries queries;

    @Inject
    ProjectionMetrics projection;

    @GET
    @Operation(summary = "Handling metrics",
            description = "Median and 90th percentile from opening to triage, first measure, containment and first"
                    + " report to an authority; false-positive rate; incidents by source, harm and ISO week;"
                    + " the projection lag (event publication to applied) and the newest event applied")
    @APIResponse(responseCode = "200", description = "The metrics",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DashboardMetrics.class)))
    public DashboardMetrics metrics() {
        try {
            return queries.metrics(projection.lastLagSeconds());
        } catch (SQLException e) {
            throw Unavailable.of(e);
        }
    }
}
