package io.breachflow.contracts.incident;

/**
 * Items of filings that only people can state (the log cannot derive them), given with
 * {@link FilingDetailsProvided}. Each names the filings that ask for it.
 */
public enum FilingDetail {
    /** Where the incident happened (CAC Measures: place). */
    PLACE,
    /** Support the organisation asks the authorities for (CAC Measures). */
    SUPPORT_NEEDED,
    /** The likely trend and further impact, as the responders judge it (CAC Measures); never inferred from resolution. */
    TREND,
    /** Ransom demanded: amount, method and date (CAC Measures, ransomware incidents). */
    RANSOM_DEMAND,
    /** How the scene and evidence are preserved (CAC Measures). */
    SITE_PROTECTION,
    /** Measures planned next (CAC Measures; GDPR Art. 33(3)(d) "proposed"). */
    PLANNED_MEASURES,
    /** What individuals can do to reduce the harm (PIPL Art. 57; PDPA s26D; DPDP r. 7; HIPAA 164.404(c)). */
    INDIVIDUAL_MEASURES,
    /** Rectification and lessons learned (CAC final summary). */
    LESSONS_LEARNED,
    /** Reasons for a notification later than its deadline (GDPR Art. 33(1)). */
    DELAY_REASONS,
    /** Findings about the person who caused the breach (DPDP r. 7(2)(b)). */
    PERPETRATOR_FINDINGS
}
