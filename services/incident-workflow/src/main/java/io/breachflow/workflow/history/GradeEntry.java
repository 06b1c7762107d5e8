package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.IncidentGrade;

import java.time.Instant;

/** One grading of the incident (CAC incident-reporting measures); regrading adds another. */
public record GradeEntry(IncidentGrade grade, String rationale, String gradedBy, Instant gradedAt) {
}
