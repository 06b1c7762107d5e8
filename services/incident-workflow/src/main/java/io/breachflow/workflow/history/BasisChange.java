package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.AwarenessSource;

import java.time.Instant;

/** One recording of the incident's basis: the awareness it set, why, by whom ("system" or the DPO) and when. */
public record BasisChange(Instant awareAt, AwarenessSource awarenessFrom, String reason, String recordedBy,
                          Instant recordedAt) {
}
