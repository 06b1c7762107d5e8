package io.breachflow.contracts.incident;

/**
 * A ground on which the law lets an obligation be waived, as the rule in force lists it (e.g. PIPL Art. 57 para. 2:
 * the measures taken effectively avoid harm to individuals). An obligation whose rule lists no ground (the CAC
 * report, the Art. 4 remedial duty) cannot be waived at all.
 *
 * @param id          stable within its rule set, e.g. {@code measures-avoid-harm}
 * @param citation    where the law gives it, e.g. "PIPL Art. 57 para. 2"
 * @param description the condition in plain words, which the DPO affirms by waiving on it
 */
public record WaiverGround(String id, String citation, String description) {
}
