package io.breachflow.workflow.history;

import java.time.Instant;

/**
 * The incident was reopened. It keeps the resolution and closure it undid, so that the record still shows that
 * handling had once ended (and when) although the incident is handled again.
 */
public record Reopening(String reason, String reopenedBy, Instant reopenedAt, Resolution undoneResolution,
                        Closure undoneClosure) {
}
