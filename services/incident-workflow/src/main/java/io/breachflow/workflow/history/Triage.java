package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Instant;

/** The triage of the incident: verdict, why, who and when. */
public record Triage(TriageVerdict verdict, String rationale, String triagedBy, Instant triagedAt) {
}
