package io.breachflow.contracts.incident;

/**
 * Grades of the CAC Cybersecurity Incident Reporting Measures (in force 2025-11-01), lowest first. For personal
 * information: at least 1 million people affected is relatively major, 10 million major, 100 million especially
 * major. Relatively major and above must be reported to the CAC within hours.
 */
public enum IncidentGrade {
    GENERAL,
    RELATIVELY_MAJOR,
    MAJOR,
    ESPECIALLY_MAJOR
}
