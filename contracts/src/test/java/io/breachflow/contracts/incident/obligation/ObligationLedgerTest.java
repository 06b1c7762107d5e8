package io.breachflow.contracts.incident.obligation;

import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.DataSubjectsNotified;
import io.breachflow.contracts.incident.DeadlineMissed;
import io.breachflow.contracts.incident.IncidentBasisRecorded;
import io.breachflow.contracts.incident.IncidentEvent;
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
import io.breachflow.contracts.incident.WaiverGround;
import io.breachflow.contracts.incident.WaiverRevoked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.breachflow.contracts.incident.ObligationKind.DATA_SUBJECT_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.FINAL_REPORT;
import static io.breachflow.contracts.incident.ObligationKind.REGULATOR_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.REMEDIAL_MEASURE;
import static io.breachflow.contracts.incident.obligation.ObligationState.FULFILLED;
import static io.breachflow.contracts.incident.obligation.ObligationState.OPEN;
import static io.breachflow.contracts.incident.obligation.ObligationState.WAIVED;
import static io.breachflow.contracts.incident.obligation.ObligationState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one fold of obligation states, over event streams: each case is a stream of one incident's events and how every
 * obligation stands after it (state, whether its current clock was missed, the ground of a standing waiver).
 */
class ObligationLedgerTest {

    private static final String INCIDENT = "3f0e8a4c-2b1d-4c5e-9f6a-7b8c9d0e1f2a";
    private static final Instant T0 = Instant.parse("2026-11-30T08:15:30.123Z");
    private static final Instant DUE_4H = T0.plus(Duration.ofHours(4));
    private static final Instant DUE_8H = T0.plus(Duration.ofHours(8));

    private static final String CAC_REPORT = "cac-incident-reporting/initial-report";
    private static final String CAC_FINAL = "cac-incident-reporting/final-report";
    private static final String PIPL_SUBJECTS = "pipl/art57-data-subjects";
    private static final String REMEDIAL = "decision-2012/art4-remedial";
    private static final String REMEDIAL_PIPL = "pipl/art57-remedial";
    private static final WaiverGround AVOIDS_HARM = new WaiverGround("measures-avoid-harm", "PIPL Art. 57 para. 2",
            "The measures taken effectively avoid harm to the individuals concerned");

    /** How one obligation stands after the stream. */
    record Expected(ObligationState state, boolean missed, String waiverGround) {
        @Override
        public String toString() {
            return state + (missed ? " missed" : "") + (waiverGround == null ? "" : " on " + waiverGround);
        }
    }

    static Stream<Arguments> streams() {
        return Stream.of(
                // Determination and redetermination
                stream("a determination opens the obligation",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)),
                        expect(CAC_REPORT, OPEN)),
                stream("a redetermination keeps a FULFILLED obligation fulfilled",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), fulfilled(CAC_REPORT),
                                determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H)),
                        expect(CAC_REPORT, FULFILLED)),
                stream("a redetermination keeps a WAIVED obligation waived, with its ground",
                        List.of(basis(), determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H), waived(PIPL_SUBJECTS),
                                determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H)),
                        expect(PIPL_SUBJECTS, WAIVED, false, AVOIDS_HARM.id())),
                stream("a redetermination reopens a WITHDRAWN obligation",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), withdrawn(CAC_REPORT),
                                determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H)),
                        expect(CAC_REPORT, OPEN)),
                stream("a redetermination with the same due time keeps the miss",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), missed(CAC_REPORT, DUE_4H),
                                determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)),
                        expect(CAC_REPORT, OPEN, true, null)),
                stream("a redetermination with a new due time is a new clock: the miss goes",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), missed(CAC_REPORT, DUE_4H),
                                determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H)),
                        expect(CAC_REPORT, OPEN)),
                stream("a redetermination without a due time drops the miss",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), missed(CAC_REPORT, DUE_4H),
                                determined(CAC_REPORT, REGULATOR_NOTIFICATION, null)),
                        expect(CAC_REPORT, OPEN)),
                stream("a withdrawn and missed obligation reopened on the same clock is still missed",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), missed(CAC_REPORT, DUE_4H),
                                withdrawn(CAC_REPORT), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)),
                        expect(CAC_REPORT, OPEN, true, null)),

                // Settling: only an OPEN obligation is settled
                stream("ObligationFulfilled settles an OPEN obligation",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), fulfilled(CAC_REPORT)),
                        expect(CAC_REPORT, FULFILLED)),
                stream("ObligationFulfilled after the miss: fulfilled late, the miss stays",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), missed(CAC_REPORT, DUE_4H),
                                fulfilled(CAC_REPORT)),
                        expect(CAC_REPORT, FULFILLED, true, null)),
                stream("ObligationFulfilled does not settle a WAIVED obligation",
                        List.of(basis(), determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H), waived(PIPL_SUBJECTS),
                                fulfilled(PIPL_SUBJECTS)),
                        expect(PIPL_SUBJECTS, WAIVED, false, AVOIDS_HARM.id())),
                stream("ObligationFulfilled does not settle a WITHDRAWN obligation",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), withdrawn(CAC_REPORT),
                                fulfilled(CAC_REPORT)),
                        expect(CAC_REPORT, WITHDRAWN)),
                stream("NotificationWaived settles an OPEN obligation on its ground",
                        List.of(basis(), determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H), waived(PIPL_SUBJECTS)),
                        expect(PIPL_SUBJECTS, WAIVED, false, AVOIDS_HARM.id())),
                stream("NotificationWaived of the released shape (no ground) waives with no ground",
                        List.of(determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H),
                                new NotificationWaived(INCIDENT, PIPL_SUBJECTS, "Measures avoid harm", "dpo@example.org", at(3))),
                        expect(PIPL_SUBJECTS, WAIVED)),
                stream("NotificationWaived does not settle a FULFILLED obligation",
                        List.of(basis(), determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H), fulfilled(PIPL_SUBJECTS),
                                waived(PIPL_SUBJECTS)),
                        expect(PIPL_SUBJECTS, FULFILLED)),
                stream("NotificationWaived does not settle a WITHDRAWN obligation",
                        List.of(basis(), determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H), withdrawn(PIPL_SUBJECTS),
                                waived(PIPL_SUBJECTS)),
                        expect(PIPL_SUBJECTS, WITHDRAWN)),
                stream("a withdrawal settles an OPEN obligation",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), withdrawn(CAC_REPORT)),
                        expect(CAC_REPORT, WITHDRAWN)),
                stream("a withdrawal does not undo a FULFILLED obligation",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), fulfilled(CAC_REPORT),
                                withdrawn(CAC_REPORT)),
                        expect(CAC_REPORT, FULFILLED)),
                stream("a withdrawal does not undo a WAIVED obligation",
                        List.of(basis(), determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H), waived(PIPL_SUBJECTS),
                                withdrawn(PIPL_SUBJECTS)),
                        expect(PIPL_SUBJECTS, WAIVED, false, AVOIDS_HARM.id())),

                // Revoking a waiver
                stream("WaiverRevoked reopens a WAIVED obligation, without its ground or the old miss",
                        List.of(basis(), determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H),
                                missed(PIPL_SUBJECTS, DUE_4H), waived(PIPL_SUBJECTS), revoked(PIPL_SUBJECTS)),
                        expect(PIPL_SUBJECTS, OPEN)),
                stream("WaiverRevoked then a new clock: open on the new due time",
                        List.of(basis(), determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H), waived(PIPL_SUBJECTS),
                                revoked(PIPL_SUBJECTS), determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H),
                                missed(PIPL_SUBJECTS, DUE_4H)),
                        expect(PIPL_SUBJECTS, OPEN)),
                stream("WaiverRevoked does not reopen a FULFILLED obligation (nor clear its miss)",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), missed(CAC_REPORT, DUE_4H),
                                fulfilled(CAC_REPORT), revoked(CAC_REPORT)),
                        expect(CAC_REPORT, FULFILLED, true, null)),
                stream("WaiverRevoked does not change an OPEN obligation (nor clear its miss)",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), missed(CAC_REPORT, DUE_4H),
                                revoked(CAC_REPORT)),
                        expect(CAC_REPORT, OPEN, true, null)),
                stream("WaiverRevoked does not reopen a WITHDRAWN obligation",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), withdrawn(CAC_REPORT),
                                revoked(CAC_REPORT)),
                        expect(CAC_REPORT, WITHDRAWN)),

                // Misses
                stream("DeadlineMissed for the current due time marks the obligation missed",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), missed(CAC_REPORT, DUE_4H)),
                        expect(CAC_REPORT, OPEN, true, null)),
                stream("a stale DeadlineMissed (an earlier due time) changes nothing",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                                determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H), missed(CAC_REPORT, DUE_4H)),
                        expect(CAC_REPORT, OPEN)),
                stream("a stale DeadlineMissed after the due time was dropped changes nothing",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                                determined(CAC_REPORT, REGULATOR_NOTIFICATION, null), missed(CAC_REPORT, DUE_4H)),
                        expect(CAC_REPORT, OPEN)),
                stream("events about an obligation never determined change nothing",
                        List.of(basis(), fulfilled(CAC_REPORT), waived(CAC_REPORT), withdrawn(CAC_REPORT),
                                revoked(CAC_REPORT), missed(CAC_REPORT, DUE_4H))),
                stream("each obligation keeps its own state",
                        List.of(basis(), determined(REMEDIAL, REMEDIAL_MEASURE, T0.plus(Duration.ofHours(1))),
                                determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                                determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H),
                                fulfilled(REMEDIAL), missed(CAC_REPORT, DUE_4H), waived(PIPL_SUBJECTS)),
                        expect(REMEDIAL, FULFILLED), expect(CAC_REPORT, OPEN, true, null),
                        expect(PIPL_SUBJECTS, WAIVED, false, AVOIDS_HARM.id())),

                // Logs written before fulfilment was recorded (no IncidentBasisRecorded): derived as the workflow did then
                stream("legacy: RegulatorNotified fulfils a regulator notification, whatever its phase",
                        List.of(determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), regulatorNotified(CAC_REPORT, ReportPhase.INITIAL)),
                        expect(CAC_REPORT, FULFILLED)),
                stream("legacy: a FINAL RegulatorNotified fulfils a final report",
                        List.of(determined(CAC_FINAL, FINAL_REPORT, DUE_8H), regulatorNotified(CAC_FINAL, ReportPhase.FINAL)),
                        expect(CAC_FINAL, FULFILLED)),
                stream("legacy: an INITIAL or SUPPLEMENTARY RegulatorNotified does not fulfil a final report",
                        List.of(determined(CAC_FINAL, FINAL_REPORT, DUE_8H), regulatorNotified(CAC_FINAL, ReportPhase.INITIAL),
                                regulatorNotified(CAC_FINAL, ReportPhase.SUPPLEMENTARY)),
                        expect(CAC_FINAL, OPEN)),
                stream("legacy: DataSubjectsNotified fulfils a data-subject notification",
                        List.of(determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H), subjectsNotified(PIPL_SUBJECTS)),
                        expect(PIPL_SUBJECTS, FULFILLED)),
                stream("legacy: a notice of the wrong kind fulfils nothing",
                        List.of(determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                                determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H),
                                subjectsNotified(CAC_REPORT), regulatorNotified(PIPL_SUBJECTS, ReportPhase.FINAL)),
                        expect(CAC_REPORT, OPEN), expect(PIPL_SUBJECTS, OPEN)),
                stream("legacy: a notice does not fulfil a WAIVED or WITHDRAWN obligation",
                        List.of(determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                                determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H),
                                withdrawn(CAC_REPORT), waived(PIPL_SUBJECTS),
                                regulatorNotified(CAC_REPORT, ReportPhase.INITIAL), subjectsNotified(PIPL_SUBJECTS)),
                        expect(CAC_REPORT, WITHDRAWN), expect(PIPL_SUBJECTS, WAIVED, false, AVOIDS_HARM.id())),
                stream("legacy: RemedialMeasureStarted fulfils every open remedial duty, and only those",
                        List.of(determined(REMEDIAL, REMEDIAL_MEASURE, T0.plus(Duration.ofHours(1))),
                                determined(REMEDIAL_PIPL, REMEDIAL_MEASURE, null),
                                determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), measureStarted()),
                        expect(REMEDIAL, FULFILLED), expect(REMEDIAL_PIPL, FULFILLED), expect(CAC_REPORT, OPEN)),
                stream("legacy: a remedial duty determined after the measure is fulfilled by it",
                        List.of(measureStarted(), determined(REMEDIAL, REMEDIAL_MEASURE, T0.plus(Duration.ofHours(1)))),
                        expect(REMEDIAL, FULFILLED)),
                stream("legacy: a measure does not fulfil a withdrawn remedial duty",
                        List.of(determined(REMEDIAL, REMEDIAL_MEASURE, T0.plus(Duration.ofHours(1))), withdrawn(REMEDIAL),
                                measureStarted()),
                        expect(REMEDIAL, WITHDRAWN)),
                stream("legacy: a remedial duty withdrawn, a measure taken, the duty determined again: fulfilled",
                        List.of(determined(REMEDIAL, REMEDIAL_MEASURE, T0.plus(Duration.ofHours(1))), withdrawn(REMEDIAL),
                                measureStarted(), determined(REMEDIAL, REMEDIAL_MEASURE, T0.plus(Duration.ofHours(2)))),
                        expect(REMEDIAL, FULFILLED)),

                // Logs with IncidentBasisRecorded: only ObligationFulfilled fulfils
                stream("with a basis: RegulatorNotified alone does not fulfil",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                                regulatorNotified(CAC_REPORT, ReportPhase.INITIAL)),
                        expect(CAC_REPORT, OPEN)),
                stream("with a basis: a FINAL RegulatorNotified alone does not fulfil a final report",
                        List.of(basis(), determined(CAC_FINAL, FINAL_REPORT, DUE_8H), regulatorNotified(CAC_FINAL, ReportPhase.FINAL)),
                        expect(CAC_FINAL, OPEN)),
                stream("with a basis: RegulatorNotified followed by ObligationFulfilled fulfils",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                                regulatorNotified(CAC_REPORT, ReportPhase.INITIAL), fulfilled(CAC_REPORT)),
                        expect(CAC_REPORT, FULFILLED)),
                stream("with a basis: DataSubjectsNotified alone does not fulfil",
                        List.of(basis(), determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H), subjectsNotified(PIPL_SUBJECTS)),
                        expect(PIPL_SUBJECTS, OPEN)),
                stream("with a basis: RemedialMeasureStarted alone fulfils no remedial duty, earlier or later",
                        List.of(basis(), determined(REMEDIAL, REMEDIAL_MEASURE, T0.plus(Duration.ofHours(1))), measureStarted(),
                                determined(REMEDIAL_PIPL, REMEDIAL_MEASURE, null)),
                        expect(REMEDIAL, OPEN), expect(REMEDIAL_PIPL, OPEN)),
                stream("an old log that gets a basis: what was derived before stays, later notices need ObligationFulfilled",
                        List.of(determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                                determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H),
                                regulatorNotified(CAC_REPORT, ReportPhase.INITIAL), basis(), subjectsNotified(PIPL_SUBJECTS)),
                        expect(CAC_REPORT, FULFILLED), expect(PIPL_SUBJECTS, OPEN)),
                stream("an old log with a measure, then a basis: a remedial duty determined after the basis stays open",
                        List.of(measureStarted(), basis(), determined(REMEDIAL, REMEDIAL_MEASURE, T0.plus(Duration.ofHours(1)))),
                        expect(REMEDIAL, OPEN)),
                stream("a second basis (earlier awareness) changes no obligation",
                        List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H), fulfilled(CAC_REPORT),
                                basis(), regulatorNotified(CAC_REPORT, ReportPhase.SUPPLEMENTARY)),
                        expect(CAC_REPORT, FULFILLED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void foldsTheStream(String name, List<IncidentEvent> events, Map<String, Expected> expected) {
        ObligationLedger ledger = ObligationLedger.of(events);

        Map<String, Expected> actual = new LinkedHashMap<>();
        ledger.obligations().forEach((id, status) -> actual.put(id,
                new Expected(status.state(), status.missed(), status.waiverGround())));
        assertThat(actual).isEqualTo(expected);
        ledger.obligations().forEach((id, status) -> assertThat(status.open()).as("%s open()", id)
                .isEqualTo(status.state() == OPEN));
    }

    /** Folding event by event and folding the whole stream agree, and no step changes the ledger it was applied to. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void applyReturnsANewLedgerAndLeavesTheOldOneUnchanged(String name, List<IncidentEvent> events) {
        ObligationLedger ledger = ObligationLedger.EMPTY;
        for (int i = 0; i < events.size(); i++) {
            IncidentEvent event = events.get(i);
            ObligationLedger before = ledger;
            Map<String, ObligationStatus> obligationsBefore = Map.copyOf(before.obligations());
            ObligationLedger snapshot = ObligationLedger.of(events.subList(0, i));

            ledger = before.apply(event);

            assertThat(before.obligations()).as("after applying %s", event).isEqualTo(obligationsBefore);
            assertThat(before).as("after applying %s", event).isEqualTo(snapshot);
        }
        assertThat(ledger).isEqualTo(ObligationLedger.of(events));
        assertThat(ObligationLedger.EMPTY.obligations()).isEmpty();
    }

    @Test
    void itsObligationsCannotBeChangedFromOutside() {
        ObligationLedger ledger = ObligationLedger.of(List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)));
        ObligationStatus open = ledger.get(CAC_REPORT).orElseThrow();

        assertThatThrownBy(() -> ledger.obligations().put(CAC_REPORT, open.in(FULFILLED, null)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ledger.obligations().remove(CAC_REPORT)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ledger.get(CAC_REPORT)).contains(open);
    }

    @Test
    void aRedeterminationReplacesTheTermsAndCountsTheDeterminations() {
        ObligationLedger ledger = ObligationLedger.of(List.of(basis(),
                determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H)));

        ObligationStatus status = ledger.get(CAC_REPORT).orElseThrow();
        assertThat(status.dueAt()).isEqualTo(DUE_8H);
        assertThat(status.terms().deadlineId()).isEqualTo("deadline-" + DUE_8H.toEpochMilli());
        assertThat(status.determinations()).isEqualTo(2);
        assertThat(status.kind()).isEqualTo(REGULATOR_NOTIFICATION);
        assertThat(ledger.get("gdpr/art33-authority")).isEmpty();
    }

    @Test
    void obligationsKeepTheOrderTheyWereFirstDetermined() {
        ObligationLedger ledger = ObligationLedger.of(List.of(basis(),
                determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H),
                determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H),
                determined(REMEDIAL, REMEDIAL_MEASURE, null),
                determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H)));

        assertThat(ledger.obligations().keySet()).containsExactly(PIPL_SUBJECTS, CAC_REPORT, REMEDIAL);
    }

    @Test
    void eventsOfOtherKindsChangeNothing() {
        ObligationLedger ledger = ObligationLedger.of(List.of(basis(), determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)));

        assertThat(ledger.apply(new NoteAdded(INCIDENT, "note-0001", "Called the CAC duty officer", "responder@example.org", at(2))))
                .isEqualTo(ledger);
        assertThat(ledger.apply(basis())).isEqualTo(ledger);
    }

    // The stream's events, all for one incident, in the order a log would have them.

    @SafeVarargs
    private static Arguments stream(String name, List<IncidentEvent> events, Map.Entry<String, Expected>... expected) {
        Map<String, Expected> obligations = new LinkedHashMap<>();
        for (Map.Entry<String, Expected> entry : expected) {
            obligations.put(entry.getKey(), entry.getValue());
        }
        return Arguments.of(name, new ArrayList<>(events), obligations);
    }

    private static Map.Entry<String, Expected> expect(String obligationId, ObligationState state) {
        return expect(obligationId, state, false, null);
    }

    private static Map.Entry<String, Expected> expect(String obligationId, ObligationState state, boolean missed, String ground) {
        return Map.entry(obligationId, new Expected(state, missed, ground));
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static IncidentBasisRecorded basis() {
        return new IncidentBasisRecorded(INCIDENT, T0, AwarenessSource.RECEIPT, Map.of("pipl", LocalDate.of(2021, 11, 1)),
                new ProfileTerms(OperatorClass.OTHER, List.of("CN"), List.of(), Map.of(), AwarenessSource.RECEIPT, List.of()),
                "opening", "system", T0);
    }

    private static NotificationObligationDetermined determined(String obligationId, ObligationKind kind, Instant dueAt) {
        String ruleSet = obligationId.substring(0, obligationId.indexOf('/'));
        RuleReference rule = new RuleReference(ruleSet, LocalDate.of(2021, 11, 1), obligationId.substring(ruleSet.length() + 1),
                ruleSet.toUpperCase() + " " + kind.name().toLowerCase());
        return new NotificationObligationDetermined(INCIDENT, obligationId, rule, kind, "recipient of " + obligationId, dueAt,
                List.of("what happened"), dueAt == null ? null : "deadline-" + dueAt.toEpochMilli(), at(1),
                kind == DATA_SUBJECT_NOTIFICATION ? List.of(AVOIDS_HARM) : List.of());
    }

    private static ObligationFulfilled fulfilled(String obligationId) {
        return new ObligationFulfilled(INCIDENT, obligationId, "RegulatorNotified", "SH-2026-11-0042", at(30));
    }

    private static NotificationWaived waived(String obligationId) {
        return new NotificationWaived(INCIDENT, obligationId, "The exported file was encrypted; no one can read it",
                "dpo@example.org", at(40), AVOIDS_HARM.id(), AVOIDS_HARM.citation());
    }

    private static NotificationObligationWithdrawn withdrawn(String obligationId) {
        return new NotificationObligationWithdrawn(INCIDENT, obligationId, "no longer required after triage as FALSE_POSITIVE",
                null, at(20));
    }

    private static WaiverRevoked revoked(String obligationId) {
        return new WaiverRevoked(INCIDENT, obligationId, "The authority requires the individuals to be told", "dpo@example.org",
                at(50));
    }

    private static DeadlineMissed missed(String obligationId, Instant dueAt) {
        return new DeadlineMissed(INCIDENT, obligationId, "due " + dueAt, dueAt, dueAt.plusMillis(250));
    }

    private static RegulatorNotified regulatorNotified(String obligationId, ReportPhase phase) {
        return new RegulatorNotified(INCIDENT, obligationId, "CAC, Shanghai office", phase, "SH-2026-11-0042",
                "9eb106bb3b3173cec60a8c7a815fc44f1244034b6a37b6c904a30cd98595ab0f", "dpo@example.org", at(35));
    }

    private static DataSubjectsNotified subjectsNotified(String obligationId) {
        return new DataSubjectsNotified(INCIDENT, obligationId, "email", 1_248_913,
                "d1e3e1f29d0c637cb73dda07fd207d6ca2cc56316fdaa45d0f2b765917f1982c", "dpo@example.org", at(45));
    }

    private static RemedialMeasureStarted measureStarted() {
        return new RemedialMeasureStarted(INCIDENT, "revoke-export-token", MeasureKind.REVOKE_CREDENTIALS,
                "Revoke the CI token used for the export", "responder@example.org", at(5));
    }
}
