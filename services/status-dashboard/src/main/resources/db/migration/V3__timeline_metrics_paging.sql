-- Issue 5: the timeline read model, the milestones the metrics are computed from, and what keyset paging needs.
-- Like every read-model row, all of it is written in the transaction that advances last_sequence (DESIGN §4).

-- One row per applied event: the history a responder reads. Written only for events the sequence check let
-- through, and keyed by (incident, sequence), so a redelivered event can never add a second row.
CREATE TABLE incident_timeline (
    incident_id text        NOT NULL REFERENCES incident_view (incident_id) ON DELETE CASCADE,
    sequence    bigint      NOT NULL,
    type        text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor       text,
    summary     text        NOT NULL,
    data        jsonb       NOT NULL,
    PRIMARY KEY (incident_id, sequence)
);

-- Milestones of an incident (first time each happened; a reopening does not reset them) and the latest verdict
-- given (a reopening clears triage_verdict of a dismissed incident, but its false alarm still counts).
ALTER TABLE incident_view
    ADD COLUMN triaged_at                  timestamptz,
    ADD COLUMN first_measure_at            timestamptz,
    ADD COLUMN contained_at                timestamptz,
    ADD COLUMN first_regulator_notified_at timestamptz,
    ADD COLUMN last_verdict                text,
    -- Sort keys of the list. Severity by rank, not by name; the next due time of the open obligations is a pure
    -- function of the obligations (not of the clock), so it can be stored and indexed; 'infinity' when none has
    -- a clock keeps the key NOT NULL, which keeps keyset comparisons simple (those incidents sort last).
    ADD COLUMN severity_rank smallint GENERATED ALWAYS AS (CASE severity WHEN 'INFO' THEN 0 WHEN 'LOW' THEN 1
        WHEN 'MEDIUM' THEN 2 WHEN 'HIGH' THEN 3 WHEN 'CRITICAL' THEN 4 END) STORED,
    ADD COLUMN next_due_sort timestamptz NOT NULL DEFAULT 'infinity';

-- Keyset paging: every sort has an index in exactly its order (read forwards or backwards), id as tie-breaker.
DROP INDEX incident_view_opened_at_idx;
CREATE INDEX incident_view_opened_at_idx ON incident_view (opened_at, incident_id);
CREATE INDEX incident_view_severity_idx ON incident_view (severity_rank, opened_at, incident_id);
CREATE INDEX incident_view_next_due_idx ON incident_view (next_due_sort, incident_id);
-- The usual filtered list (a status, newest first) without reading past other statuses.
DROP INDEX incident_view_status_idx;
CREATE INDEX incident_view_status_idx ON incident_view (status, opened_at, incident_id);
-- The clocks across incidents: open obligations by due time.
CREATE INDEX incident_obligation_due_idx ON incident_obligation (due_at) WHERE state = 'OPEN';
