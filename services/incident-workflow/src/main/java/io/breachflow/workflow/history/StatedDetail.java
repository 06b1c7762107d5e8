package io.breachflow.workflow.history;

import java.time.Instant;

/** The latest statement of a filing item only people can give (place, support needed, ...): text, who, when. */
public record StatedDetail(String text, String providedBy, Instant providedAt) {
}
