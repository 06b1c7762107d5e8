package io.breachflow.dashboard.consume;

import java.util.ArrayList;
import java.util.List;

/**
 * What a committed projection transaction did with its events.
 *
 * @param applied    events that changed a view
 * @param duplicates events skipped because their sequence was already applied (redelivery, re-publication)
 * @param gaps       applied events whose sequence skipped ahead of the view's (an event in between is missing)
 * @param rejected   events that cannot be applied, to be dead-lettered (parked events of stalled incidents included)
 * @param parked     events not applied because their incident's projection is stalled (issue 11)
 * @param stalled    incidents whose projection this transaction stopped
 */
record ProjectionOutcome(List<DecodedEvent> applied, int duplicates, int gaps, List<UnhandledRecord> rejected,
                         int parked, List<String> stalled) {

    static final ProjectionOutcome NOTHING = new ProjectionOutcome(List.of(), 0, 0, List.of());

    ProjectionOutcome(List<DecodedEvent> applied, int duplicates, int gaps, List<UnhandledRecord> rejected) {
        this(applied, duplicates, gaps, rejected, 0, List.of());
    }

    static ProjectionOutcome rejected(UnhandledRecord record) {
        return new ProjectionOutcome(List.of(), 0, 0, List.of(record));
    }

    ProjectionOutcome plus(ProjectionOutcome other) {
        List<DecodedEvent> allApplied = new ArrayList<>(applied);
        allApplied.addAll(other.applied);
        List<UnhandledRecord> allRejected = new ArrayList<>(rejected);
        allRejected.addAll(other.rejected);
        List<String> allStalled = new ArrayList<>(stalled);
        allStalled.addAll(other.stalled);
        return new ProjectionOutcome(allApplied, duplicates + other.duplicates, gaps + other.gaps, allRejected,
                parked + other.parked, allStalled);
    }
}
