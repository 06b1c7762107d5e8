-- Issue 11: Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue) for the event processors whose handlers
-- may be parked and retried: deadline escalation, key shredder, retention ledger (io.breachflow.workflow.deadletter).
-- Not the Kafka publisher: it must never skip an event, its errors propagate and it retries from its token.
-- The table is Axon's GenericDeadLetterTableFactory's for DeadLetterSchema.defaultSchema() with the table renamed
-- (DeadLetters.SCHEMA), its BLOBs as bytea and its constraint and index names made unique in the schema. Times are
-- text, as Axon's JDBC converter writes them. One row per dead letter; a sequence (an incident's events in one
-- processing group) stays in order: while it has a letter, later events of that incident join it instead of running.
CREATE TABLE dead_letter_entry (
    deadLetterIdentifier VARCHAR(255) NOT NULL,
    processingGroup      VARCHAR(255) NOT NULL,
    sequenceIdentifier   VARCHAR(255) NOT NULL,
    sequenceIndex        BIGINT       NOT NULL,
    messageType          VARCHAR(255) NOT NULL,
    eventIdentifier      VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    payloadType          VARCHAR(255) NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA        NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255) NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pkey PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT dead_letter_entry_sequence_index UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
CREATE INDEX dead_letter_entry_processing_group_idx ON dead_letter_entry (processingGroup);
CREATE INDEX dead_letter_entry_sequence_idx ON dead_letter_entry (processingGroup, sequenceIdentifier);

-- Least privilege, as in V4: the run-time role enqueues, claims, requeues and evicts letters; it owns nothing. (V4's
-- default privileges would grant the same; said here so that the table's rights are read where it is made.)
GRANT SELECT, INSERT, UPDATE, DELETE ON dead_letter_entry TO ${runtime_role};
