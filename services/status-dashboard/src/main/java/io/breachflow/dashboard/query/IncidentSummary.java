package io.breachflow.dashboard.query;

import io.breachflow.dashboard.projection.IncidentView;

/**
 * An incident as a query found it: its view and what depends on the time of the question.
 *
 * @param view         the stored view; its obligations are loaded only by {@link IncidentQueries#find}
 * @param nextDeadline the earliest due time of its open obligations, {@code null} when none has a clock
 * @param overdue      how many open obligations are overdue: their clock was recorded as missed or their due time
 *                     passed (by the database's clock, at the query)
 */
public record IncidentSummary(IncidentView view, NextDeadline nextDeadline, int overdue) {
}
