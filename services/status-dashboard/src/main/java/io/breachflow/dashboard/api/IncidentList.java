package io.breachflow.dashboard.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of incidents, how many it holds, and the cursor of the next page. */
@Schema(name = "IncidentList")
public record IncidentList(List<IncidentResponse> items, int count,
                           @Schema(description = "Pass as ?cursor= (with the same filters and sort) for the next page;"
                                   + " null on the last page", nullable = true) String nextCursor) {

    static IncidentList of(List<IncidentResponse> items, String nextCursor) {
        return new IncidentList(List.copyOf(items), items.size(), nextCursor);
    }
}
