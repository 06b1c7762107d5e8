package io.breachflow.workflow.history;

import java.time.Instant;

/**
 * Why an obligation was not met: the ground its rule allows (id and citation, e.g. PIPL Art. 57 para. 2; both null
 * in events written before a waiver had to name its ground), the DPO's rationale, who approved it and when.
 */
public record Waiver(String ground, String groundCitation, String rationale, String approvedBy, Instant waivedAt) {
}
