-- Issue 8: awareness, the harms of an incident, and what the shared contracts ObligationLedger needs to be rebuilt
-- from the stored rows (the dashboard folds obligations with that ledger, like the workflow, instead of deriving
-- them itself). Like every read-model row, all of it is written in the transaction that advances last_sequence.

ALTER TABLE incident_view
    -- Awareness, from which every legal clock runs (IncidentBasisRecorded): the earliest receipt (or, by policy, alert)
    -- time of the incident's detections, not the processing time opened_at. NULL until a basis is recorded.
    ADD COLUMN aware_at             timestamptz,
    ADD COLUMN awareness_from       text,
    -- The opening detection: when Breachflow's intake received it (NULL in events written before it was kept) and
    -- when the alerting system saw it.
    ADD COLUMN first_received_at    timestamptz,
    ADD COLUMN first_observed_at    timestamptz,
    -- Every harm reported by a detection or found by an assessment; they accumulate, never shrink.
    ADD COLUMN harms                text[]      NOT NULL DEFAULT '{}',
    -- Whether the incident's log has an IncidentBasisRecorded: without one the ledger derives fulfilment from
    -- reports, notices and measures (its legacy mode); with one, only ObligationFulfilled fulfils.
    ADD COLUMN basis_recorded       boolean     NOT NULL DEFAULT false,
    -- Legacy mode only: a remedial measure was started before any basis, which met every remedial duty, later ones too.
    ADD COLUMN legacy_measure_taken boolean     NOT NULL DEFAULT false;

ALTER TABLE incident_obligation
    -- The ground of the waiver that stands (NULL unless WAIVED, and for waivers written before grounds existed).
    ADD COLUMN waiver_ground  text,
    -- How often the obligation was (re)determined.
    ADD COLUMN determinations integer NOT NULL DEFAULT 1,
    -- Its latest NotificationObligationDetermined as JSON: the terms the ledger keeps.
    ADD COLUMN terms          jsonb;

-- Rows written before this migration: every log was a legacy log then (no basis event existed). The harm of the
-- opening is known; a measure already started is remembered; the terms and the number of determinations come from
-- the timeline, which stores every applied event (a rebuild recomputes all of it from the topic in any case).
UPDATE incident_view SET harms = ARRAY[harm], legacy_measure_taken = first_measure_at IS NOT NULL;

UPDATE incident_obligation o SET
    terms = (SELECT t.data FROM incident_timeline t WHERE t.incident_id = o.incident_id
             AND t.type = 'io.breachflow.incident.notification-obligation-determined.v1'
             AND t.data ->> 'obligationId' = o.obligation_id ORDER BY t.sequence DESC LIMIT 1),
    determinations = GREATEST(1, (SELECT count(*) FROM incident_timeline t WHERE t.incident_id = o.incident_id
             AND t.type = 'io.breachflow.incident.notification-obligation-determined.v1'
             AND t.data ->> 'obligationId' = o.obligation_id));
