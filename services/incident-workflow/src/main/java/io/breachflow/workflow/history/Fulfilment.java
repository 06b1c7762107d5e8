package io.breachflow.workflow.history;

import java.time.Instant;

/**
 * What fulfilled an obligation: the kind of fact ({@code RegulatorNotified}, {@code DataSubjectsNotified},
 * {@code RemedialMeasureStarted}, {@code ImpactAssessed}), its reference (the authority's reference or the SHA-256
 * of the content sent, the measure id, ...) and when. From the workflow's {@code ObligationFulfilled}; for logs
 * written before that event existed, from the fact that met the obligation then.
 */
public record Fulfilment(String by, String reference, Instant at) {
}
