package io.breachflow.dashboard.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures of {@code GET /api/metrics}: times from opening to each milestone, the false-positive rate (of the
 * incidents given a verdict), counts by source, harm and week, and how far behind the projection runs.
 *
 * @param falsePositiveRate    {@code null} before any verdict
 * @param projectionLagSeconds event time to applied, of the last batch; {@code null} before the first
 * @param lastEventAt          business time of the newest event applied
 * @param stalledIncidents     incidents whose projection stopped at an event the dashboard cannot project: the lag
 *                             says nothing about them, their views stay behind until a rebuild (issue 11)
 */
public record DashboardMetrics(DurationStats timeToTriage, DurationStats timeToFirstMeasure,
                               DurationStats timeToContainment, DurationStats timeToRegulatorNotification,
                               Double falsePositiveRate, Map<String, Long> incidentsBySource,
                               Map<String, Long> incidentsByHarm, List<WeekCount> incidentsByWeek,
                               Double projectionLagSeconds, Instant lastEventAt, long stalledIncidents) {
}
