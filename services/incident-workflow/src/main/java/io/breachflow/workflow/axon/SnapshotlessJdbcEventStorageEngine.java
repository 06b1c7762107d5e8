package io.breachflow.workflow.axon;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.util.stream.Stream;

/**
 * Axon's JDBC event store without the snapshot lookup. No snapshotter is configured, so {@code snapshot_event_entry}
 * stays empty, and reading it before every aggregate load was a wasted round trip: for a new incident, one for each of
 * its two aggregates (issue 14). Configure a snapshotter only together with removing this override.
 */
final class SnapshotlessJdbcEventStorageEngine extends JdbcEventStorageEngine {

    SnapshotlessJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}
