-- The whole incident lifecycle in the read model: who handles it, its grade and impact, the remedial measures that
-- run, when it was resolved and closed, and its notification obligations. Written by the consumer in the same
-- transaction as last_sequence (DESIGN §4), like every other column of the view.
ALTER TABLE incident_view
    ADD COLUMN assignee          text,
    ADD COLUMN grade             text,
    ADD COLUMN subjects_affected bigint,
    -- The ids, not only a count: a completion must find its own start, and a redelivered start must not count twice.
    ADD COLUMN open_measure_ids  text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN open_measures     integer     GENERATED ALWAYS AS (cardinality(open_measure_ids)) STORED,
    ADD COLUMN resolved_at       timestamptz,
    ADD COLUMN closed_at         timestamptz;

-- GET /api/incidents?assignee=...
CREATE INDEX incident_view_assignee_idx ON incident_view (assignee) WHERE assignee IS NOT NULL;

-- One row per obligation an incident ever had; a re-determination replaces the row's terms, a withdrawal keeps the
-- row (state WITHDRAWN). The next deadline and "overdue" are NOT stored: they depend on the time of the question, so
-- the queries derive them with now() and an obligation is overdue as soon as its due time passes, before the
-- workflow's DeadlineMissed arrives (missed records that one did).
CREATE TABLE incident_obligation (
    incident_id   text        NOT NULL REFERENCES incident_view (incident_id) ON DELETE CASCADE,
    obligation_id text        NOT NULL,
    kind          text        NOT NULL,
    recipient     text,
    rule_citation text,
    due_at        timestamptz,
    state         text        NOT NULL CHECK (state IN ('OPEN', 'FULFILLED', 'WAIVED', 'WITHDRAWN')),
    missed        boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (incident_id, obligation_id)
);

-- The next deadline and the overdue count of an incident, and the ?overdue=true filter, look only at open
-- obligations of one incident, earliest due time first.
CREATE INDEX incident_obligation_open_idx ON incident_obligation (incident_id, due_at) WHERE state = 'OPEN';
