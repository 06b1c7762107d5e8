package io.breachflow.dashboard.query;

import io.breachflow.dashboard.projection.IncidentView;

/**
 * An incident as a query found it: its view and what depends on the time of the question.
 *
 * @param view         the stored view; its obligations are loaded only by {@link IncidentQueries#find}
 * @param nextDeadline the earliest due time of its open obligations, {@code null} when none has a clock
 * @param overdue      how many open obligations are overdue: their clock was recorded as missed or their due time
 *                     passed (by the database's clock, at the query)
 * @param stall        why its projection stopped, {@code null} unless it did (issue 11)
 */
public record IncidentSummary(IncidentView view, NextDeadline nextDeadline, int overdue, Stall stall) {

    /**
     * Why the dashboard stopped applying this incident's events (an event it cannot project); {@code null} on
     * incidents it keeps up to date.
     */
    public record Stall(java.time.Instant since, String reason) {
    }
}
