package io.breachflow.dashboard.query;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.dashboard.projection.IncidentStatus;

import java.util.Optional;

/**
 * Which incidents a list wants, in which order, from where; an empty criterion does not filter.
 *
 * @param source  the alerting system of the opening detection
 * @param overdue true: only incidents with an overdue obligation; false: only those without
 * @param after   continue after this row (keyset paging); empty for the first page
 * @param limit   at most this many
 */
public record IncidentFilter(Optional<IncidentStatus> status, Optional<HarmKind> harm, Optional<Severity> severity,
                             Optional<String> source, Optional<AssigneeFilter> assignee, Optional<Boolean> overdue,
                             IncidentSort sort, Optional<Cursor> after, int limit) {
}
