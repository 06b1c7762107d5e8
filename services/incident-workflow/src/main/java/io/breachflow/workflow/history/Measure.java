package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.MeasureKind;

import java.time.Instant;

/**
 * A remedial measure: when and by whom it started, and, once completed, its outcome and whether it stopped the
 * harm. The completion fields are null while the measure runs.
 */
public record Measure(
        String measureId,
        MeasureKind kind,
        String description,
        String startedBy,
        Instant startedAt,
        String outcome,
        Boolean effective,
        String completedBy,
        Instant completedAt) {

    /** Whether the measure has ended (not named {@code isCompleted}, so that it is not a JSON property). */
    public boolean completed() {
        return completedAt != null;
    }

    Measure complete(String outcome, boolean effective, String completedBy, Instant completedAt) {
        return new Measure(measureId, kind, description, startedBy, startedAt, outcome, effective, completedBy, completedAt);
    }
}
