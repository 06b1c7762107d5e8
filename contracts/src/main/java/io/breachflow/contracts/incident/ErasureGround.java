package io.breachflow.contracts.incident;

/**
 * Why an incident's personal data (responder free text) was erased. Texts of the law in docs/law/, explained in
 * docs/PERSONAL-DATA.md.
 */
public enum ErasureGround {
    /** The configured retention after closure ended (PIPL Art. 19: kept no longer than the purpose needs). */
    RETENTION_ENDED,
    /** A person asked for their data to be deleted (2012 Decision Art. 8; PIPL Art. 47; GDPR Art. 17). */
    DATA_SUBJECT_REQUEST,
    /** The DPO decided the purpose is achieved or the text should never have been written (PIPL Art. 47(1)). */
    DPO_DECISION
}
