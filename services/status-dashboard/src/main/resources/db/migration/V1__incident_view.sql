-- The dashboard's read model of an incident: one row per incident, rebuilt from breach.incident-events.v1.
-- last_sequence is the aggregate sequence of the last event applied; the consumer skips any event whose
-- sequence is not above it, which makes redelivery harmless (DESIGN §4). It is written in the same
-- transaction as the row, so the two can never disagree.
-- Later issues add columns (assignee, deadlines) and tables (timeline): add, never rename.
CREATE TABLE incident_view (
    incident_id      text        PRIMARY KEY,
    status           text        NOT NULL,
    harm             text        NOT NULL,
    severity         text        NOT NULL,
    title            text,
    source_system    text,
    correlation_key  text,
    opened_at        timestamptz NOT NULL,
    detections_count integer     NOT NULL,
    triage_verdict   text,
    triage_rationale text,
    triaged_by       text,
    last_sequence    bigint      NOT NULL,
    last_event_at    timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- GET /api/incidents: newest first, incident id as the tie-breaker for a stable order.
CREATE INDEX incident_view_opened_at_idx ON incident_view (opened_at DESC, incident_id);
-- GET /api/incidents?status=...
CREATE INDEX incident_view_status_idx ON incident_view (status);
