package io.breachflow.dashboard.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of incidents, newest first, and how many it holds. */
@Schema(name = "IncidentList")
public record IncidentList(List<IncidentResponse> items, int count) {

    static IncidentList of(List<IncidentResponse> items) {
        return new IncidentList(List.copyOf(items), items.size());
    }
}
