package io.breachflow.dashboard.testing;

import io.breachflow.contracts.detection.Severity;
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.ErasureGround;
import io.breachflow.contracts.incident.FilingDetail;
import io.breachflow.contracts.incident.FilingDetailsProvided;
import io.breachflow.contracts.incident.ImpactAssessed;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.IncidentClosed;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.IncidentGraded;
import io.breachflow.contracts.incident.IncidentReopened;
import io.breachflow.contracts.incident.IncidentResolved;
import io.breachflow.contracts.incident.MeasureKind;
import io.breachflow.contracts.incident.NoteAdded;
import io.breachflow.contracts.incident.NotificationObligationDetermined;
import io.breachflow.contracts.incident.NotificationObligationWithdrawn;
import io.breachflow.contracts.incident.NotificationWaived;
import io.breachflow.contracts.incident.ObligationFulfilled;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.OperatorClass;
import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.contracts.incident.ProfileTerms;
import io.breachflow.contracts.incident.RegulatorNotified;
import io.breachflow.contracts.incident.RemedialMeasureCompleted;
import io.breachflow.contracts.incident.RemedialMeasureStarted;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.ResponderAssigned;
import io.breachflow.contracts.incident.RuleReference;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.contracts.incident.WaiverRevoked;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The events after triage, as incident-workflow publishes them, each at a business time the test gives. Rules are
 * plausible PIPL / CAC references; who did what is a fixed cast (responder, DPO).
 */
public final class LifecycleEvents {

    public static final String RESPONDER = "li.wei@example.org";
    public static final String DPO = "dpo@example.org";

    private LifecycleEvents() {
    }

    public static ResponderAssigned assigned(String incidentId, String assignee, Instant at) {
        return new ResponderAssigned(incidentId, assignee, DPO, at);
    }

    public static RemedialMeasureStarted measureStarted(String incidentId, String measureId, Instant at) {
        return new RemedialMeasureStarted(incidentId, measureId, MeasureKind.REVOKE_CREDENTIALS,
                "rotate the CRM export token", RESPONDER, at);
    }

    public static RemedialMeasureCompleted measureCompleted(String incidentId, String measureId, Instant at) {
        return new RemedialMeasureCompleted(incidentId, measureId, "token revoked, export unreachable", true, RESPONDER, at);
    }

    public static ImpactAssessed assessed(String incidentId, long subjects, Instant at) {
        return new ImpactAssessed(incidentId, List.of("email", "phone"), subjects, subjects * 2, false, false,
                List.of("CN"), "phishing", RESPONDER, at);
    }

    public static IncidentGraded graded(String incidentId, IncidentGrade grade, Instant at) {
        return new IncidentGraded(incidentId, grade, "by the number of people affected", DPO, at);
    }

    public static NotificationObligationDetermined obligation(String incidentId, String obligationId,
                                                              ObligationKind kind, String recipient, Instant dueAt,
                                                              Instant at) {
        RuleReference rule = new RuleReference("pipl", LocalDate.parse("2021-11-01"), "art57", "PIPL Art. 57");
        return new NotificationObligationDetermined(incidentId, obligationId, rule, kind, recipient, dueAt,
                List.of("categories of data", "measures taken"), "deadline-" + obligationId, at);
    }

    public static NotificationObligationWithdrawn withdrawn(String incidentId, String obligationId, Instant at) {
        return new NotificationObligationWithdrawn(incidentId, obligationId, "regraded", "deadline-" + obligationId, at);
    }

    public static RegulatorNotified regulatorNotified(String incidentId, String obligationId, ReportPhase phase,
                                                      Instant at) {
        return new RegulatorNotified(incidentId, obligationId, "CAC Shanghai", phase, "ref-" + obligationId,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", DPO, at);
    }

    public static DataSubjectsNotified subjectsNotified(String incidentId, String obligationId, Instant at) {
        return new DataSubjectsNotified(incidentId, obligationId, "email", 12_000,
                "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", DPO, at);
    }

    public static NotificationWaived waived(String incidentId, String obligationId, Instant at) {
        return new NotificationWaived(incidentId, obligationId, "measures effectively avoid harm (PIPL Art. 57)", DPO, at);
    }

    public static DeadlineMissed missed(String incidentId, String obligationId, Instant dueAt, Instant at) {
        return new DeadlineMissed(incidentId, obligationId, "report to the CAC", dueAt, at);
    }

    public static IncidentResolved resolved(String incidentId, Instant at) {
        return new IncidentResolved(incidentId, "export token leaked in a public repository", RESPONDER, at);
    }

    public static IncidentClosed closed(String incidentId, Instant at) {
        return new IncidentClosed(incidentId, "all obligations fulfilled or waived", DPO, at);
    }

    public static IncidentReopened reopened(String incidentId, Instant at) {
        return new IncidentReopened(incidentId, "a second leaked export was found", DPO, at);
    }

    /**
     * One event of every type, in an order the workflow could publish them (opening first): the lifecycle of an
     * incident recorded before issue 8 (no basis), then {@link #oneOfEachNew}.
     */
    public static List<IncidentEvent> oneOfEach(String incidentId) {
        List<IncidentEvent> events = new ArrayList<>(beforeIssue8(incidentId));
        events.addAll(oneOfEachNew(incidentId));
        return List.copyOf(events);
    }

    private static List<IncidentEvent> beforeIssue8(String incidentId) {
        Instant t = Events.OPENED_AT;
        Instant due = t.plus(72, ChronoUnit.HOURS);
        return List.of(Events.opened(incidentId, Severity.HIGH), Events.correlated(incidentId, 1, Severity.CRITICAL),
                Events.triaged(incidentId, TriageVerdict.CONFIRMED, "real"), assigned(incidentId, RESPONDER, t),
                obligation(incidentId, "remedy", ObligationKind.REMEDIAL_MEASURE, "the controller", t, t),
                measureStarted(incidentId, "m-1", t), measureCompleted(incidentId, "m-1", t),
                assessed(incidentId, 12_000, t), graded(incidentId, IncidentGrade.GENERAL, t),
                obligation(incidentId, "cac", ObligationKind.REGULATOR_NOTIFICATION, "CAC", due, t),
                regulatorNotified(incidentId, "cac", ReportPhase.INITIAL, t),
                obligation(incidentId, "subjects", ObligationKind.DATA_SUBJECT_NOTIFICATION, "the people affected", due, t),
                subjectsNotified(incidentId, "subjects", t), withdrawn(incidentId, "subjects", t),
                waived(incidentId, "cac", t), missed(incidentId, "cac", due, due), note(incidentId, t),
                resolved(incidentId, t), closed(incidentId, t), reopened(incidentId, t));
    }

    /** The basis the workflow records right after an opening (or again when awareness moves back). */
    public static IncidentBasisRecorded basis(String incidentId, Instant awareAt, String reason, Instant at) {
        ProfileTerms profile = new ProfileTerms(OperatorClass.OTHER, List.of("CN"), List.of(), Map.of(),
                AwarenessSource.RECEIPT, List.of());
        return new IncidentBasisRecorded(incidentId, awareAt, AwarenessSource.RECEIPT,
                Map.of("pipl", LocalDate.parse("2021-11-01")), profile, reason, "system", at);
    }

    public static ObligationFulfilled fulfilled(String incidentId, String obligationId, String by, Instant at) {
        return new ObligationFulfilled(incidentId, obligationId, by, "ref-" + obligationId, at);
    }

    public static NotificationWaived waivedOnGround(String incidentId, String obligationId, String ground, Instant at) {
        return new NotificationWaived(incidentId, obligationId, "measures effectively avoid harm", DPO, at, ground,
                "PIPL Art. 57 para. 2");
    }

    public static WaiverRevoked waiverRevoked(String incidentId, String obligationId, Instant at) {
        return new WaiverRevoked(incidentId, obligationId, "the authority requires the notice", DPO, at);
    }

    public static FilingDetailsProvided filingDetails(String incidentId, Instant at) {
        Map<FilingDetail, String> details = new EnumMap<>(FilingDetail.class);
        details.put(FilingDetail.PLACE, "Shanghai data centre, hall 2");
        details.put(FilingDetail.PERPETRATOR_FINDINGS, "a former contractor, J. Doe");
        return new FilingDetailsProvided(incidentId, details, DPO, at);
    }

    /**
     * One of each event type written since issue 8, to follow {@link #oneOfEach} (a re-basing, a revoked waiver, an
     * erasure of the personal data).
     */
    public static List<IncidentEvent> oneOfEachNew(String incidentId) {
        Instant t = Events.OPENED_AT.plus(2, ChronoUnit.HOURS);
        return List.of(basis(incidentId, Events.OPENED_AT.minusSeconds(30), "DPO re-based it", t),
                waiverRevoked(incidentId, "cac", t),
                fulfilled(incidentId, "cac", "RegulatorNotified", t),
                filingDetails(incidentId, t),
                erased(incidentId, t));
    }

    public static PersonalDataErased erased(String incidentId, Instant at) {
        return new PersonalDataErased(incidentId, ErasureGround.DPO_DECISION, "dpo-ticket-7", DPO, at);
    }

    public static NoteAdded note(String incidentId, Instant at) {
        return new NoteAdded(incidentId, "note-1", "called the CRM vendor", RESPONDER, at);
    }
}
