package io.breachflow.dashboard.testing;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Incident events as incident-workflow publishes them, with plausible values and a fresh id per incident. */
public final class Events {

    public static final Instant OPENED_AT = Instant.parse("2026-03-02T09:15:00Z");

    private Events() {
    }

    public static String newIncidentId() {
        return "inc-" + UUID.randomUUID();
    }

    public static IncidentOpened opened(String incidentId, Severity severity) {
        return opened(incidentId, severity, OPENED_AT);
    }

    public static IncidentOpened opened(String incidentId, Severity severity, Instant openedAt) {
        return new IncidentOpened(incidentId, "alertmanager:crm-db:email", openedAt, "det-" + incidentId + "-0",
                "alertmanager", "fp-1", HarmKind.DISCLOSURE, severity, "CRM export reachable without login",
                openedAt.minusSeconds(40), List.of("crm-db"), List.of("email"));
    }

    public static DetectionCorrelated correlated(String incidentId, int detection, Severity severity) {
        Instant at = OPENED_AT.plus(detection, ChronoUnit.MINUTES);
        return new DetectionCorrelated(incidentId, "det-" + incidentId + "-" + detection, "grafana", "fp-" + detection,
                HarmKind.DISCLOSURE, severity, "CRM export downloaded", at.minusSeconds(10), at,
                List.of("crm-db"), List.of("email", "phone"));
    }

    public static IncidentTriaged triaged(String incidentId, TriageVerdict verdict, String rationale) {
        return new IncidentTriaged(incidentId, verdict, rationale, "dpo@example.org", OPENED_AT.plus(1, ChronoUnit.HOURS));
    }
}
