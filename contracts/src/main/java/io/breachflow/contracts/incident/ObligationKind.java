package io.breachflow.contracts.incident;

/** What an obligation asks for. */
public enum ObligationKind {
    /** Take remedial measures (Art. 4 of the 2012 Decision); fulfilled by the first remedial measure started. */
    REMEDIAL_MEASURE,
    /** Report to an authority (initial or supplementary report); fulfilled by a regulator notification. */
    REGULATOR_NOTIFICATION,
    /** Tell the people affected; fulfilled by a data-subject notification. */
    DATA_SUBJECT_NOTIFICATION,
    /** A final or summary report to an authority after handling ends; fulfilled by a FINAL regulator notification. */
    FINAL_REPORT,
    /** Assess the breach (e.g. PDPA s26C: whether it is notifiable); fulfilled by an impact assessment. */
    ASSESSMENT
}
