package io.breachflow.workflow.history;

import java.time.Instant;

/** A free-text note on the incident. */
public record Note(String noteId, String text, String addedBy, Instant addedAt) {
}
