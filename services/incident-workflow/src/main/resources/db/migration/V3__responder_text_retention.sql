-- When each incident's responder texts are due for erasure (RetentionLedger keeps it from the events, RetentionSweep
-- reads it). closed_at: the latest closure, NULL while the incident is not closed. pending: sealed text was written
-- since the last erasure (the same rule by which the aggregate records an erasure or not).
CREATE TABLE responder_text_retention (
    incident_id TEXT                     PRIMARY KEY,
    closed_at   TIMESTAMP WITH TIME ZONE,
    pending     BOOLEAN                  NOT NULL
);

CREATE INDEX responder_text_retention_due_idx ON responder_text_retention (closed_at) WHERE pending;
