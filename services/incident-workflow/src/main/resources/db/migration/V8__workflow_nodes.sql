-- Issue 15, several workflow nodes: each node records here, every few seconds, that it is alive (ProcessorNodes), so
-- that every node can tell how many share the event processors' segments and claim no more than its fair part. A node
-- that stops deletes its row; one that dies is no longer counted once its row is older than the liveness window.
-- Only node names (breachflow.node-id, else the host name) and times: nothing about incidents.
CREATE TABLE workflow_node (
    node_id TEXT        NOT NULL PRIMARY KEY,
    seen_at TIMESTAMPTZ NOT NULL
);

GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_node TO ${runtime_role};
