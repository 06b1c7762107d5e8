package io.breachflow.workflow.history;

import java.time.Instant;

/**
 * What fulfilled an obligation: the kind of fact ({@code RegulatorNotified}, {@code DataSubjectsNotified} or
 * {@code RemedialMeasureStarted}), its reference (the authority's reference or the SHA-256 of the content sent,
 * or the measure id) and when.
 */
public record Fulfilment(String by, String reference, Instant at) {
}
