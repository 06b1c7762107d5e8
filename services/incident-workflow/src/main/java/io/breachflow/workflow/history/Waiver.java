package io.breachflow.workflow.history;

import java.time.Instant;

/** Why a notification was not made, and the DPO who approved that (e.g. PIPL Art. 57: harm effectively avoided). */
public record Waiver(String rationale, String approvedBy, Instant waivedAt) {
}
