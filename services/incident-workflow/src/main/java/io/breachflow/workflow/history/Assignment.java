package io.breachflow.workflow.history;

import java.time.Instant;

/** The responder accountable for the incident (the latest assignment replaces earlier ones). */
public record Assignment(String assignee, String assignedBy, Instant assignedAt) {
}
