-- Issue 11, "a verifiable log": every event row gets a hash over its stored content and the hash of the event before
-- it in the same aggregate (incident), computed by PostgreSQL in the inserting transaction, so every writer is
-- covered and incidents never wait for each other. docs/AUDIT.md documents the encoding; the workflow's audit
-- package (EventChain) and the offline verifier (contracts, VerifyEvidence) recompute it.
--
--   hash = sha256( prev_hash (32 bytes; 32 zero bytes for an aggregate's first event)
--                  || field(event_identifier) || field(aggregate_identifier) || field(sequence_number as decimal text)
--                  || field(type) || field(payload_type) || field(payload_revision) || field(time_stamp)
--                  || field(payload) || field(meta_data) )
--   field(NULL) = FF FF FF FF; field(v) = 4-byte big-endian length of v's bytes || v's bytes (text as UTF-8)
--
-- What is hashed is what is stored: the sealed (encrypted) responder texts, so destroying an incident's keys (an
-- erasure) leaves every hash valid.

CREATE TABLE event_chain (
    global_index         BIGINT       NOT NULL PRIMARY KEY,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    prev_hash            BYTEA        NOT NULL CHECK (length(prev_hash) = 32),
    hash                 BYTEA        NOT NULL CHECK (length(hash) = 32),
    UNIQUE (aggregate_identifier, sequence_number)
);

CREATE FUNCTION event_chain_field(value bytea) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN '\xffffffff'::bytea ELSE int4send(length(value)) || value END
$$;

CREATE FUNCTION event_chain_text(value text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT event_chain_field(convert_to(value, 'UTF8'))
$$;

CREATE FUNCTION event_chain_hash(prev bytea, e domain_event_entry) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(prev
        || event_chain_text(e.event_identifier) || event_chain_text(e.aggregate_identifier)
        || event_chain_text(e.sequence_number::text) || event_chain_text(e.type) || event_chain_text(e.payload_type)
        || event_chain_text(e.payload_revision) || event_chain_text(e.time_stamp)
        || event_chain_field(e.payload) || event_chain_field(e.meta_data))
$$;

-- SECURITY DEFINER: the chain is written with the owner's rights, so the service's run-time role needs (and, where it
-- is a role of its own, has) only SELECT on event_chain: it cannot write a chain row of its choosing.
CREATE FUNCTION event_chain_append() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
DECLARE
    prev bytea;
BEGIN
    IF NEW.sequence_number = 0 THEN
        prev := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    ELSE
        SELECT c.hash INTO prev FROM event_chain c
         WHERE c.aggregate_identifier = NEW.aggregate_identifier AND c.sequence_number = NEW.sequence_number - 1;
        IF prev IS NULL THEN
            -- Axon appends sequence n only after n-1 is stored; a gap means the log was written around the store.
            RAISE EXCEPTION 'event chain: % has no event % before %', NEW.aggregate_identifier,
                NEW.sequence_number - 1, NEW.sequence_number USING ERRCODE = 'P0001';
        END IF;
    END IF;
    INSERT INTO event_chain (global_index, aggregate_identifier, sequence_number, prev_hash, hash)
    VALUES (NEW.global_index, NEW.aggregate_identifier, NEW.sequence_number, prev, event_chain_hash(prev, NEW));
    RETURN NULL;
END;
$$;

-- AFTER: a second writer of the same (aggregate, sequence) still fails on domain_event_entry's unique key first, the
-- 23505 Axon reads as a concurrency conflict.
CREATE TRIGGER domain_event_entry_chain
    AFTER INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION event_chain_append();

CREATE TRIGGER event_chain_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON event_chain
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

-- The events stored before this migration, each aggregate in sequence order.
DO $$
DECLARE
    e domain_event_entry;
    prev bytea;
    last_aggregate varchar;
BEGIN
    FOR e IN SELECT * FROM domain_event_entry d
              WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.global_index = d.global_index)
              ORDER BY aggregate_identifier, sequence_number LOOP
        IF last_aggregate IS DISTINCT FROM e.aggregate_identifier OR e.sequence_number = 0 THEN
            prev := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
        END IF;
        INSERT INTO event_chain (global_index, aggregate_identifier, sequence_number, prev_hash, hash)
        VALUES (e.global_index, e.aggregate_identifier, e.sequence_number, prev, event_chain_hash(prev, e))
        RETURNING hash INTO prev;
        last_aggregate := e.aggregate_identifier;
    END LOOP;
END;
$$;

-- Least privilege, as in V4: the run-time role reads the chain and writes it only through the trigger. The default
-- privileges of V4 granted it UPDATE and DELETE (and INSERT) on this new table: take them back. INSERT is taken back
-- only where the run-time role is a role of its own (when it is the owner, as in the tests, the trigger needs it).
GRANT SELECT ON event_chain TO ${runtime_role};
REVOKE UPDATE, DELETE, TRUNCATE ON event_chain FROM ${runtime_role};
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${runtime_role}' AND rolname <> current_user) THEN
        EXECUTE format('REVOKE INSERT ON event_chain FROM %I', '${runtime_role}');
    END IF;
END;
$$;
