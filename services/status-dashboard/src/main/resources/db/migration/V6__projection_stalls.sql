-- Issue 11: an event the dashboard cannot project (unknown ce_type, unreadable) stops its incident's projection
-- visibly instead of being skipped: applying later events across the gap would show a state no event sequence
-- produced. One row per stalled incident, with the first record it could not project; the incident's later records
-- are dead-lettered (parked) and counted here. A rebuild by a release that understands the event fills fresh tables
-- without the row, from breach.incident-events.v1, which is kept forever.
CREATE TABLE incident_projection_stall (
    incident_id      text PRIMARY KEY,
    -- When the dashboard stopped applying this incident's events (not compared by a rebuild's diff: a time of writing).
    stalled_at       timestamptz NOT NULL,
    -- Why, as a SafeReason (a kind and a header name, never the record's content).
    reason           text        NOT NULL,
    -- Where the record that stalled it lies on breach.incident-events.v1.
    record_partition integer     NOT NULL,
    record_offset    bigint      NOT NULL,
    -- Later records of the incident dead-lettered since, not applied.
    parked           bigint      NOT NULL DEFAULT 0
);
