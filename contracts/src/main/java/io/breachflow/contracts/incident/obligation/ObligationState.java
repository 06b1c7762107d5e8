package io.breachflow.contracts.incident.obligation;

/** Where an obligation stands: still owed, met, waived on a lawful ground, or no longer applicable. */
public enum ObligationState {
    /** Determined and neither met, waived nor withdrawn: its clock runs. */
    OPEN,
    /** Met: an {@code ObligationFulfilled} recorded what met it. */
    FULFILLED,
    /** The DPO waived it on a ground its rule allows (until the waiver is revoked). */
    WAIVED,
    /** It no longer applies (a false-positive verdict, a regrading, ...). */
    WITHDRAWN
}
