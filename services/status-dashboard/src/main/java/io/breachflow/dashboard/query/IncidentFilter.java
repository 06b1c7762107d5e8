package io.breachflow.dashboard.query;

import io.breachflow.dashboard.projection.IncidentStatus;

import java.util.Optional;

/**
 * Which incidents a list wants; an empty criterion does not filter.
 *
 * @param overdue true: only incidents with an overdue obligation; false: only those without
 * @param limit   at most this many, newest opening first
 */
public record IncidentFilter(Optional<IncidentStatus> status, Optional<String> assignee, Optional<Boolean> overdue,
                             int limit) {
}
