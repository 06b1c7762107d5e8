package io.breachflow.contracts.incident;

/**
 * What kind of operator the organisation is under the CAC Cybersecurity Incident Reporting Measures: the class
 * picks the reporting clock (1 h, 2 h or 4 h). Set in the organisation profile ({@code breachflow.organisation.operator-class}) and recorded on each incident.
 */
public enum OperatorClass {
    /** Operator of critical information infrastructure (CIIO). */
    CRITICAL_INFORMATION_INFRASTRUCTURE,
    /** Central or state organ (Party and government bodies). */
    CENTRAL_OR_STATE_ORGAN,
    /** Every other network operator. */
    OTHER
}
