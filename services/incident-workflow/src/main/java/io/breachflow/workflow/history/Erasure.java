package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.ErasureGround;

import java.time.Instant;

/**
 * The incident's responder texts were erased (their keys destroyed): on what ground, under which reference (never a
 * name), by whom and when. The texts then read {@code [erased]} in this record and every filing.
 */
public record Erasure(ErasureGround ground, String reference, String erasedBy, Instant erasedAt) {
}
