package io.breachflow.dashboard.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import jakarta.ws.rs.QueryParam;

/**
 * The query parameters of {@code GET /api/incidents}, as given (strings): {@link ListParameters} reads them strictly,
 * so that a bad value is a 400 problem naming the parameter rather than a framework error.
 */
public class ListQuery {

    @QueryParam("status")
    @Parameter(description = "Only incidents in this status", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"OPEN", "CONFIRMED", "FALSE_POSITIVE", "RESOLVED", "CLOSED"}))
    String status;

    @QueryParam("harm")
    @Parameter(description = "Only incidents with this harm", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"DISCLOSURE", "LOSS", "DAMAGE"}))
    String harm;

    @QueryParam("severity")
    @Parameter(description = "Only incidents of this severity", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"INFO", "LOW", "MEDIUM", "HIGH", "CRITICAL"}))
    String severity;

    @QueryParam("source")
    @Parameter(description = "Only incidents opened by this alerting system (exact match), e.g. alertmanager")
    String source;

    @QueryParam("assignee")
    @Parameter(description = "Only incidents assigned to this responder (exact match, by the keyed tag of the name:"
            + " found also after an erasure, when the name itself reads \"[erased]\")")
    String assignee;

    @QueryParam("overdue")
    @Parameter(description = "true: only incidents with an overdue obligation; false: only those without",
            schema = @Schema(type = SchemaType.BOOLEAN))
    String overdue;

    @QueryParam("sort")
    @Parameter(description = "Order: openedAt, -openedAt (default, newest first), severity, -severity (most severe"
            + " first, then newest), nextDeadline (soonest first, incidents without a clock last)",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "-openedAt",
                    enumeration = {"openedAt", "-openedAt", "severity", "-severity", "nextDeadline"}))
    String sort;

    @QueryParam("cursor")
    @Parameter(description = "The nextCursor of the previous page (opaque); absent for the first page")
    String cursor;

    @QueryParam("limit")
    @Parameter(description = "At most this many incidents (1 to " + ListParameters.MAX_LIMIT + ", default "
            + ListParameters.DEFAULT_LIMIT + ")",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
    String limit;
}
