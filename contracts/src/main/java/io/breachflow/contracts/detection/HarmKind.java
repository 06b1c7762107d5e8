package io.breachflow.contracts.detection;

/**
 * What may have happened to personal data: the four harms named by Article 4 of the 2012 Decision
 * (disclosure, damage, loss) and PIPL Art. 57 (tampering).
 */
public enum HarmKind {
    DISCLOSURE,
    LOSS,
    DAMAGE,
    TAMPERING
}
