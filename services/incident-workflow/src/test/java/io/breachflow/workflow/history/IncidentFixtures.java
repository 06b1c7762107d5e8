package io.breachflow.workflow.history;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.FilingDetail;
import io.breachflow.contracts.incident.FilingDetailsProvided;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.ObligationFulfilled;
import io.breachflow.contracts.incident.OperatorClass;
import io.breachflow.contracts.incident.ProfileTerms;
import io.breachflow.contracts.incident.WaiverGround;
import io.breachflow.contracts.incident.WaiverRevoked;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.DetectionCorrelated;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentClosed;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.IncidentGraded;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.IncidentReopened;
import io.breachflow.contracts.incident.IncidentResolved;
import io.breachflow.contracts.incident.IncidentTriaged;
import io.breachflow.contracts.incident.MeasureKind;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.RuleReference;
import io.breachflow.contracts.incident.TriageVerdict;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.breachflow.contracts.incident.IncidentGrade.GENERAL;
import static io.breachflow.contracts.incident.IncidentGrade.RELATIVELY_MAJOR;
import static io.breachflow.contracts.incident.ObligationKind.DATA_SUBJECT_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.FINAL_REPORT;
import static io.breachflow.contracts.incident.ObligationKind.REGULATOR_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.REMEDIAL_MEASURE;

/**
 * Hand-built incident events for the pure tests of the history fold and the filings: one incident, business times
 * {@link #T0} plus minutes, no personal data values (categories and counts only).
 */
public final class IncidentFixtures {

    public static final String ID = "5f0c3c9e-3b0a-4c57-9d7e-2b5a6f1d2e01";
    public static final Instant T0 = Instant.parse("2025-11-03T08:00:00Z");
    public static final RuleReference ART4 = new RuleReference("npcsc-2012", LocalDate.parse("2013-01-01"), "art4", "2012 Decision Art. 4");
    public static final RuleReference CAC = new RuleReference("cac-incident-reporting", LocalDate.parse("2025-11-01"), "initial-report", "CAC Measures Art. 4");
    public static final RuleReference CAC_FINAL = new RuleReference("cac-incident-reporting", LocalDate.parse("2025-11-01"), "final-report", "CAC Measures Art. 8");
    public static final RuleReference PIPL = new RuleReference("pipl", LocalDate.parse("2021-11-01"), "art57-individuals", "PIPL Art. 57");
    public static final RuleReference GDPR = new RuleReference("gdpr", LocalDate.parse("2018-05-25"), "art33-supervisory-authority", "GDPR Art. 33");

    private IncidentFixtures() {
    }

    /** A whole handled incident: every duty met (the GDPR report waived), resolved, final report filed, closed. */
    public static List<IncidentEvent> handledAndClosed() {
        return List.of(
                opened(),                                                                                   // 0
                correlated(),                                                                               // 1
                triaged(TriageVerdict.CONFIRMED),                                                           // 2
                assigned(),                                                                                 // 3
                obligation("o-art4", ART4, REMEDIAL_MEASURE, "responders", at(60), 12),                     // 4
                obligation("o-cac", CAC, REGULATOR_NOTIFICATION, "Provincial CAC", at(240), 12),            // 5
                obligation("o-pipl", PIPL, DATA_SUBJECT_NOTIFICATION, "individuals", null, 12),             // 6
                obligation("o-gdpr", GDPR, REGULATOR_NOTIFICATION, "Lead supervisory authority", at(4320), 12), // 7
                measureStarted("m-1", 15),                                                                  // 8
                measureStarted("m-2", 16),                                                                  // 9
                measureCompleted("m-1", 30),                                                                // 10
                assessed(),                                                                                 // 11
                graded(GENERAL, 41),                                                                        // 12
                graded(RELATIVELY_MAJOR, 45),                                                               // 13
                regulatorNotified("o-cac", ReportPhase.INITIAL, 100),                                       // 14
                subjectsNotified("o-pipl", 120),                                                            // 15
                waived("o-gdpr", 130),                                                                      // 16
                note(140),                                                                                  // 17
                resolved(200),                                                                              // 18
                obligation("o-cac-final", CAC_FINAL, FINAL_REPORT, "Provincial CAC", at(200 + 43200), 200), // 19
                regulatorNotified("o-cac-final", ReportPhase.FINAL, 300),                                   // 20
                closed(310));                                                                               // 21
    }

    public static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    public static IncidentOpened opened() {
        return new IncidentOpened(ID, "alertmanager:grp-1", at(0), "det-1", "alertmanager", "fp-1", HarmKind.DISCLOSURE,
                Severity.HIGH, "Bulk export of customer table to unknown host", at(-5), List.of("crm-db-01"),
                List.of("contact details"));
    }

    public static DetectionCorrelated correlated() {
        return new DetectionCorrelated(ID, "det-2", "falco", "fp-9", HarmKind.TAMPERING, Severity.CRITICAL,
                "Write to audit table by unexpected process", at(1), at(2), List.of("crm-db-01", "crm-app-02"),
                List.of("account credentials"));
    }

    public static IncidentTriaged triaged(TriageVerdict verdict) {
        return new IncidentTriaged(ID, verdict, "Export reached an unknown host", "alice", at(10));
    }

    public static ResponderAssigned assigned() {
        return new ResponderAssigned(ID, "bob", "alice", at(11));
    }

    public static NotificationObligationDetermined obligation(String id, RuleReference rule, ObligationKind kind,
                                                              String recipient, Instant dueAt, int minute) {
        return new NotificationObligationDetermined(ID, id, rule, kind, recipient, dueAt,
                List.of("categories of personal information", "remedial measures"), "dl-" + id, at(minute));
    }

    public static RemedialMeasureStarted measureStarted(String measureId, int minute) {
        return new RemedialMeasureStarted(ID, measureId, MeasureKind.REVOKE_CREDENTIALS, "Rotate the export service's keys", "bob", at(minute));
    }

    public static RemedialMeasureCompleted measureCompleted(String measureId, int minute) {
        return new RemedialMeasureCompleted(ID, measureId, "Keys rotated, old keys refused", true, "bob", at(minute));
    }

    public static ImpactAssessed assessed() {
        return new ImpactAssessed(ID, List.of("contact details", "account credentials"), 1_200_000, 3_400_000, false, false,
                List.of("CN", "EU"), "Phishing and credential stuffing against the people affected", "dpo-carol", at(40));
    }

    public static IncidentGraded graded(IncidentGrade grade, int minute) {
        return new IncidentGraded(ID, grade, "1.2 million people affected", "dpo-carol", at(minute));
    }

    public static RegulatorNotified regulatorNotified(String obligationId, ReportPhase phase, int minute) {
        return new RegulatorNotified(ID, obligationId, "Provincial CAC", phase, "CAC-2025-" + minute, "a".repeat(64), "dpo-carol", at(minute));
    }

    public static DataSubjectsNotified subjectsNotified(String obligationId, int minute) {
        return new DataSubjectsNotified(ID, obligationId, "email", 1_200_000, "b".repeat(64), "dpo-carol", at(minute));
    }

    public static NotificationWaived waived(String obligationId, int minute) {
        return new NotificationWaived(ID, obligationId, "Credentials rotated before any use: harm effectively avoided", "dpo-carol", at(minute));
    }

    public static NotificationObligationWithdrawn withdrawn(String obligationId, int minute) {
        return new NotificationObligationWithdrawn(ID, obligationId, "Regraded below the reporting threshold", "dl-" + obligationId, at(minute));
    }

    public static DeadlineMissed missed(String obligationId, Instant dueAt) {
        return new DeadlineMissed(ID, obligationId, "Report to the supervisory authority", dueAt, dueAt.plusSeconds(1));
    }

    public static IncidentResolved resolved(int minute) {
        return new IncidentResolved(ID, "Leaked API key of the export service", "bob", at(minute));
    }

    public static IncidentClosed closed(int minute) {
        return new IncidentClosed(ID, "All duties met", "dpo-carol", at(minute));
    }

    public static IncidentReopened reopened(int minute) {
        return new IncidentReopened(ID, "Second export found", "dpo-carol", at(minute));
    }

    public static NoteAdded note(int minute) {
        return new NoteAdded(ID, "note-1", "Vendor informed", "alice", at(minute));
    }

    // Events of logs written since awareness, bases and fulfilments are recorded (issue 8).

    public static final WaiverGround AVOIDS_HARM = new WaiverGround("measures-avoid-harm", "PIPL Art. 57 para. 2",
            "The measures taken effectively avoid harm to individuals");
    public static final ProfileTerms PROFILE = new ProfileTerms(OperatorClass.OTHER, List.of("CN"), List.of(),
            Map.of(), AwarenessSource.RECEIPT, List.of());

    /** The opening detection, received by the intake two minutes before the workflow processed it. */
    public static IncidentOpened openedWithReceipt() {
        IncidentOpened o = opened();
        return new IncidentOpened(ID, o.correlationKey(), at(0), o.detectionId(), o.sourceSystem(), o.upstreamId(),
                o.harm(), o.severity(), o.title(), at(-5), o.assets(), o.personalDataCategories(), at(-2));
    }

    public static DetectionCorrelated correlatedWithReceipt(int receivedMinute) {
        DetectionCorrelated c = correlated();
        return new DetectionCorrelated(ID, c.detectionId(), c.sourceSystem(), c.upstreamId(), c.harm(), c.severity(),
                c.title(), at(receivedMinute - 1), at(2), c.assets(), c.personalDataCategories(), at(receivedMinute));
    }

    public static IncidentBasisRecorded basis(int awareMinute, String reason, String by, int minute) {
        return new IncidentBasisRecorded(ID, at(awareMinute), AwarenessSource.RECEIPT,
                Map.of("pipl", LocalDate.parse("2021-11-01"), "cac-incident-reporting", LocalDate.parse("2025-11-01")),
                PROFILE, reason, by, at(minute));
    }

    public static NotificationObligationDetermined waivable(String id, RuleReference rule, ObligationKind kind, int minute) {
        return new NotificationObligationDetermined(ID, id, rule, kind, "data subjects", null,
                List.of("categories of personal information"), "dl-" + id, at(minute), List.of(AVOIDS_HARM));
    }

    public static ObligationFulfilled fulfilled(String obligationId, String by, String reference, int minute) {
        return new ObligationFulfilled(ID, obligationId, by, reference, at(minute));
    }

    public static NotificationWaived waivedOnGround(String obligationId, int minute) {
        return new NotificationWaived(ID, obligationId, "Credentials rotated before any use", "dpo-carol", at(minute),
                AVOIDS_HARM.id(), AVOIDS_HARM.citation());
    }

    public static WaiverRevoked revoked(String obligationId, int minute) {
        return new WaiverRevoked(ID, obligationId, "The authority requires the individuals to be told", "dpo-carol", at(minute));
    }

    public static FilingDetailsProvided details(Map<FilingDetail, String> details, String by, int minute) {
        return new FilingDetailsProvided(ID, details, by, at(minute));
    }

    public static ImpactAssessed assessedWithHarms(List<HarmKind> harms, Boolean suspectedCrime, Map<String, Long> byRegion) {
        ImpactAssessed a = assessed();
        return new ImpactAssessed(ID, a.personalDataCategories(), a.subjectsAffected(), a.recordsAffected(), a.sensitiveData(),
                a.minorsData(), a.jurisdictions(), a.likelyConsequences(), a.assessedBy(), at(40), harms, suspectedCrime, byRegion);
    }
}
