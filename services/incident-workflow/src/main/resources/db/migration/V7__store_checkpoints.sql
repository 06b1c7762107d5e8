-- Issue 11, "a global chain over the store's order": the per-incident chains (V5) cannot show that a whole incident
-- was removed, nor that events were moved in the store's order. A checkpoint seals the events of a range of global
-- indexes, in order, into a digest chained to the checkpoint before it (StoreCheckpoints, docs/AUDIT.md):
--
--   digest(n) = sha256( digest(n-1) (32 zero bytes for the first)
--                       || for each event with up_to(n-1) < global_index <= up_to(n), in global-index order:
--                          int8(global_index) || its event_chain hash (32 zero bytes when it has none) )
--
-- Append-only like the log. Each checkpoint is also logged, to be kept outside Breachflow.
CREATE TABLE store_checkpoint (
    checkpoint_no      BIGINT      NOT NULL PRIMARY KEY CHECK (checkpoint_no >= 1),
    up_to_global_index BIGINT      NOT NULL UNIQUE,
    events             BIGINT      NOT NULL CHECK (events >= 1),
    prev_digest        BYTEA       NOT NULL CHECK (length(prev_digest) = 32),
    digest             BYTEA       NOT NULL CHECK (length(digest) = 32),
    sealed_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TRIGGER store_checkpoint_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON store_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

REVOKE UPDATE, DELETE, TRUNCATE ON store_checkpoint FROM ${runtime_role};
GRANT SELECT, INSERT ON store_checkpoint TO ${runtime_role};
