package io.breachflow.dashboard.query;

import java.util.List;

/** A page of the incident list and the cursor of the next one ({@code null} on the last page). */
public record IncidentPage(List<IncidentSummary> items, Cursor next) {
}
