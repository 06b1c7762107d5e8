package io.breachflow.contracts.incident.obligation;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.IncidentGraded;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.MeasureKind;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.ObligationFulfilled;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.OperatorClass;
import io.breachflow.contracts.incident.ProfileTerms;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.RuleReference;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.contracts.incident.WaiverGround;
import io.breachflow.contracts.incident.WaiverRevoked;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one incident's whole log as the workflow would have: the opening first, then each event with its business
 * time, a minute after the one before (a missed deadline no earlier than the due time it names), so that every reader
 * can fold it from the start. The examples carry no personal data.
 */
final class IncidentLog {

    static final String INCIDENT = "3f0e8a4c-2b1d-4c5e-9f6a-7b8c9d0e1f2a";
    /** Awareness: Breachflow's receipt of the first detection; the due times count from it. */
    static final Instant T0 = Instant.parse("2026-11-30T08:15:30.123Z");

    static final WaiverGround AVOIDS_HARM = new WaiverGround("measures-avoid-harm", "PIPL Art. 57 para. 2",
            "The measures taken effectively avoid harm to the individuals concerned");
    static final String MEASURE = "revoke-export-token";

    private final List<IncidentEvent> events = new ArrayList<>();
    private Instant now;

    private IncidentLog(Instant openedAt) {
        this.now = openedAt;
    }

    /** An incident opened as the workflow does now: the opening records the receipt, a basis follows. */
    static IncidentLog opened() {
        IncidentLog log = new IncidentLog(T0.plusSeconds(2));
        log.events.add(new IncidentOpened(INCIDENT, "alertmanager:dlp-export", log.now, "det-0001", "alertmanager",
                "fp-7c1e", HarmKind.DISCLOSURE, Severity.HIGH, "Bulk export of the customer table", T0.minusSeconds(30),
                List.of("crm-db"), List.of("contact details"), T0));
        return log;
    }

    /** An incident opened before the workflow recorded its decisions: the old shape, without a receipt time. */
    static IncidentLog openedBeforeRecordedDecisions() {
        IncidentLog log = new IncidentLog(T0);
        log.events.add(new IncidentOpened(INCIDENT, "alertmanager:dlp-export", T0, "det-0001", "alertmanager",
                "fp-7c1e", HarmKind.DISCLOSURE, Severity.HIGH, "Bulk export of the customer table", T0.minusSeconds(30),
                List.of("crm-db"), List.of("contact details")));
        return log;
    }

    List<IncidentEvent> events() {
        return List.copyOf(events);
    }

    /** Lets time pass before the next event. */
    IncidentLog after(Duration duration) {
        now = now.plus(duration);
        return this;
    }

    IncidentLog basis() {
        return add(new IncidentBasisRecorded(INCIDENT, T0, AwarenessSource.RECEIPT, Map.of("pipl", LocalDate.of(2021, 11, 1)),
                new ProfileTerms(OperatorClass.OTHER, List.of("CN"), List.of(), Map.of(), AwarenessSource.RECEIPT, List.of()),
                "opening", "system", next()));
    }

    IncidentLog triaged(TriageVerdict verdict) {
        return add(new IncidentTriaged(INCIDENT, verdict, "The export left the network", "responder@example.org", next()));
    }

    IncidentLog graded(IncidentGrade grade) {
        return add(new IncidentGraded(INCIDENT, grade, "Scale of the export", "dpo@example.org", next()));
    }

    IncidentLog determined(String obligationId, ObligationKind kind, Instant dueAt) {
        String ruleSet = obligationId.substring(0, obligationId.indexOf('/'));
        RuleReference rule = new RuleReference(ruleSet, LocalDate.of(2021, 11, 1), obligationId.substring(ruleSet.length() + 1),
                ruleSet.toUpperCase() + " " + kind.name().toLowerCase());
        return add(new NotificationObligationDetermined(INCIDENT, obligationId, rule, kind, "recipient of " + obligationId, dueAt,
                List.of("what happened"), dueAt == null ? null : "deadline-" + dueAt.toEpochMilli(), next(),
                kind == ObligationKind.DATA_SUBJECT_NOTIFICATION ? List.of(AVOIDS_HARM) : List.of()));
    }

    /** The workflow's record that a report met the obligation. */
    IncidentLog fulfilled(String obligationId) {
        return fulfilled(obligationId, "RegulatorNotified", "SH-2026-11-0042");
    }

    IncidentLog fulfilled(String obligationId, String by, String reference) {
        return add(new ObligationFulfilled(INCIDENT, obligationId, by, reference, next()));
    }

    IncidentLog waived(String obligationId) {
        return add(new NotificationWaived(INCIDENT, obligationId, "The exported file was encrypted; no one can read it",
                "dpo@example.org", next(), AVOIDS_HARM.id(), AVOIDS_HARM.citation()));
    }

    /** A waiver of the shape first released, which named no ground. */
    IncidentLog waivedWithoutGround(String obligationId) {
        return add(new NotificationWaived(INCIDENT, obligationId, "Measures avoid harm", "dpo@example.org", next()));
    }

    IncidentLog withdrawn(String obligationId) {
        return add(new NotificationObligationWithdrawn(INCIDENT, obligationId, "no longer required after a new assessment",
                null, next()));
    }

    IncidentLog revoked(String obligationId) {
        return add(new WaiverRevoked(INCIDENT, obligationId, "The authority requires the individuals to be told",
                "dpo@example.org", next()));
    }

    /** The deadline for {@code dueAt} fired: a quarter second after it, or as soon as the log's clock allows. */
    IncidentLog missed(String obligationId, Instant dueAt) {
        Instant firedAt = dueAt.plusMillis(250);
        now = firedAt.isAfter(now) ? firedAt : now.plus(Duration.ofMinutes(1));
        return add(new DeadlineMissed(INCIDENT, obligationId, "due " + dueAt, dueAt, now));
    }

    IncidentLog regulatorNotified(String obligationId, ReportPhase phase) {
        return add(new RegulatorNotified(INCIDENT, obligationId, "CAC, Shanghai office", phase, "SH-2026-11-0042",
                "9eb106bb3b3173cec60a8c7a815fc44f1244034b6a37b6c904a30cd98595ab0f", "dpo@example.org", next()));
    }

    IncidentLog subjectsNotified(String obligationId) {
        return add(new DataSubjectsNotified(INCIDENT, obligationId, "email", 1_248,
                "d1e3e1f29d0c637cb73dda07fd207d6ca2cc56316fdaa45d0f2b765917f1982c", "dpo@example.org", next()));
    }

    IncidentLog measureStarted() {
        return add(new RemedialMeasureStarted(INCIDENT, MEASURE, MeasureKind.REVOKE_CREDENTIALS,
                "Revoke the CI token used for the export", "responder@example.org", next()));
    }

    IncidentLog note(String text) {
        return add(new NoteAdded(INCIDENT, "note-" + events.size(), text, "responder@example.org", next()));
    }

    private Instant next() {
        now = now.plus(Duration.ofMinutes(1));
        return now;
    }

    private IncidentLog add(IncidentEvent event) {
        events.add(event);
        return this;
    }
}
