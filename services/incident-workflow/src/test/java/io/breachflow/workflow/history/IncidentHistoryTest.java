package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.TriageVerdict;
import io.breachflow.contracts.incident.obligation.ObligationState;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.ErasureGround;
import io.breachflow.contracts.incident.FilingDetail;
import io.breachflow.contracts.incident.obligation.ObligationLedger;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.breachflow.workflow.history.IncidentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The pure fold, event by event, from hand-built events. */
class IncidentHistoryTest {

    @Test
    void canFoldAWholeHandledIncident() {
        IncidentRecord r = IncidentHistory.replay(handledAndClosed());

        assertThat(r.incidentId()).isEqualTo(ID);
        assertThat(r.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(r.openedAt()).isEqualTo(T0);
        assertThat(r.correlationKey()).isEqualTo("alertmanager:grp-1");
        assertThat(r.detections()).extracting(DetectionEntry::detectionId, DetectionEntry::sourceSystem, DetectionEntry::upstreamId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("det-1", "alertmanager", "fp-1"),
                        org.assertj.core.groups.Tuple.tuple("det-2", "falco", "fp-9"));
        assertThat(r.detections().get(1).observedAt()).isEqualTo(at(1));
        assertThat(r.triage()).isEqualTo(new Triage(TriageVerdict.CONFIRMED, "Export reached an unknown host", "alice", at(10)));
        assertThat(r.assignment()).isEqualTo(new Assignment("bob", "alice", at(11)));
        assertThat(r.measures()).hasSize(2);
        assertThat(r.measures().get(0)).satisfies(m -> {
            assertThat(m.completed()).isTrue();
            assertThat(m.effective()).isTrue();
            assertThat(m.outcome()).isEqualTo("Keys rotated, old keys refused");
            assertThat(m.completedAt()).isEqualTo(at(30));
        });
        assertThat(r.measures().get(1).completed()).isFalse();
        assertThat(r.assessment().subjectsAffected()).isEqualTo(1_200_000);
        assertThat(r.assessment().personalDataCategories()).containsExactly("contact details", "account credentials");
        assertThat(r.grade().grade()).isEqualTo(IncidentGrade.RELATIVELY_MAJOR);
        assertThat(r.gradeHistory()).extracting(GradeEntry::grade).containsExactly(IncidentGrade.GENERAL, IncidentGrade.RELATIVELY_MAJOR);
        assertThat(r.obligations()).extracting(Obligation::obligationId, Obligation::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("o-art4", ObligationState.FULFILLED),
                org.assertj.core.groups.Tuple.tuple("o-cac", ObligationState.FULFILLED),
                org.assertj.core.groups.Tuple.tuple("o-pipl", ObligationState.FULFILLED),
                org.assertj.core.groups.Tuple.tuple("o-gdpr", ObligationState.WAIVED),
                org.assertj.core.groups.Tuple.tuple("o-cac-final", ObligationState.FULFILLED));
        assertThat(r.obligation("o-art4").orElseThrow().fulfilment()).isEqualTo(new Fulfilment("RemedialMeasureStarted", "m-1", at(15)));
        assertThat(r.obligation("o-cac").orElseThrow().fulfilment()).isEqualTo(new Fulfilment("RegulatorNotified", "CAC-2025-100", at(100)));
        assertThat(r.obligation("o-pipl").orElseThrow().fulfilment()).isEqualTo(new Fulfilment("DataSubjectsNotified", "b".repeat(64), at(120)));
        assertThat(r.obligation("o-gdpr").orElseThrow().waiver().approvedBy()).isEqualTo("dpo-carol");
        assertThat(r.awareness()).as("old log: the opening").isEqualTo(new Awareness(T0, null));
        assertThat(r.harms()).containsExactly(io.breachflow.contracts.detection.HarmKind.DISCLOSURE, io.breachflow.contracts.detection.HarmKind.TAMPERING);
        assertThat(r.notifications()).extracting(Notification::audience).containsExactly(Notification.Audience.REGULATOR,
                Notification.Audience.DATA_SUBJECTS, Notification.Audience.REGULATOR);
        assertThat(r.notifications().get(1).subjectsNotified()).isEqualTo(1_200_000L);
        assertThat(r.notifications().get(0).contentSha256()).isEqualTo("a".repeat(64));
        assertThat(r.notes()).extracting(Note::text).containsExactly("Vendor informed");
        assertThat(r.resolution()).isEqualTo(new Resolution("Leaked API key of the export service", "bob", at(200)));
        assertThat(r.closure()).isEqualTo(new Closure("All duties met", "dpo-carol", at(310)));
        assertThat(r.reopenings()).isEmpty();
        assertThat(r.missedDeadlines()).isEmpty();
        assertThat(r.asOf()).isEqualTo(at(310));
        assertThat(r.lastSequence()).isEqualTo(21);
    }

    @Test
    void canFollowTheStatusThroughTriageResolutionClosureAndReopening() {
        assertThat(fold(opened()).status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(fold(opened(), triaged(TriageVerdict.FALSE_POSITIVE)).status()).isEqualTo(IncidentStatus.FALSE_POSITIVE);
        assertThat(fold(opened(), triaged(TriageVerdict.CONFIRMED), resolved(20)).status()).isEqualTo(IncidentStatus.RESOLVED);

        IncidentRecord reopened = fold(opened(), triaged(TriageVerdict.CONFIRMED), resolved(20), closed(30), reopened(40));
        assertThat(reopened.status()).isEqualTo(IncidentStatus.CONFIRMED);
        assertThat(reopened.resolution()).isNull();
        assertThat(reopened.closure()).isNull();
        assertThat(reopened.reopenings()).singleElement().satisfies(o -> {
            assertThat(o.reason()).isEqualTo("Second export found");
            assertThat(o.undoneResolution().resolvedAt()).isEqualTo(at(20));
            assertThat(o.undoneClosure().closedAt()).isEqualTo(at(30));
        });
    }

    @Test
    void aLaterDeterminationReplacesTheTermsOfTheObligation() {
        IncidentRecord r = fold(opened(),
                obligation("o-cac", CAC, ObligationKind.REGULATOR_NOTIFICATION, "Provincial CAC", at(240), 12),
                missed("o-cac", at(240)),
                obligation("o-cac", CAC, ObligationKind.REGULATOR_NOTIFICATION, "National CAC", at(60), 250));

        assertThat(r.obligations()).singleElement().satisfies(o -> {
            assertThat(o.recipient()).isEqualTo("National CAC");
            assertThat(o.dueAt()).isEqualTo(at(60));
            assertThat(o.determinedAt()).isEqualTo(at(250));
            assertThat(o.determinations()).isEqualTo(2);
            assertThat(o.state()).isEqualTo(ObligationState.OPEN);
            assertThat(o.missed()).as("the miss belonged to the old clock").isNull();
        });
        assertThat(r.missedDeadlines()).singleElement().extracting(MissedDeadline::dueAt).isEqualTo(at(240));
    }

    @Test
    void aWithdrawnObligationAppliesAgainWhenDeterminedAgainButAFulfilmentStands() {
        IncidentRecord r = fold(opened(),
                obligation("o-cac", CAC, ObligationKind.REGULATOR_NOTIFICATION, "Provincial CAC", at(240), 12),
                obligation("o-gdpr", GDPR, ObligationKind.REGULATOR_NOTIFICATION, "Lead authority", at(4320), 12),
                withdrawn("o-cac", 20),
                regulatorNotified("o-gdpr", ReportPhase.INITIAL, 30));
        assertThat(r.obligation("o-cac").orElseThrow().withdrawal().reason()).isEqualTo("Regraded below the reporting threshold");
        assertThat(r.obligation("o-cac").orElseThrow().state()).isEqualTo(ObligationState.WITHDRAWN);

        IncidentRecord again = IncidentHistory.apply(IncidentHistory.apply(r,
                obligation("o-cac", CAC, ObligationKind.REGULATOR_NOTIFICATION, "Provincial CAC", at(300), 40)),
                obligation("o-gdpr", GDPR, ObligationKind.REGULATOR_NOTIFICATION, "Lead authority", at(5000), 41));
        assertThat(again.obligation("o-cac").orElseThrow()).satisfies(o -> {
            assertThat(o.state()).isEqualTo(ObligationState.OPEN);
            assertThat(o.withdrawal()).isNull();
        });
        assertThat(again.obligation("o-gdpr").orElseThrow().state()).isEqualTo(ObligationState.FULFILLED);
    }

    @Test
    void aFinalReportIsFulfilledOnlyByAFinalPhase() {
        List<IncidentEvent> events = new ArrayList<>(List.of(opened(),
                obligation("o-final", CAC_FINAL, ObligationKind.FINAL_REPORT, "Provincial CAC", at(9000), 5),
                regulatorNotified("o-final", ReportPhase.INITIAL, 10),
                regulatorNotified("o-final", ReportPhase.SUPPLEMENTARY, 20)));
        assertThat(IncidentHistory.replay(events).obligation("o-final").orElseThrow().open()).isTrue();

        events.add(regulatorNotified("o-final", ReportPhase.FINAL, 30));
        assertThat(IncidentHistory.replay(events).obligation("o-final").orElseThrow().fulfilment().at()).isEqualTo(at(30));
    }

    @Test
    void aNotificationFulfilsOnlyAnObligationOfItsOwnKind() {
        IncidentRecord r = fold(opened(),
                obligation("o-cac", CAC, ObligationKind.REGULATOR_NOTIFICATION, "Provincial CAC", at(240), 5),
                obligation("o-pipl", PIPL, ObligationKind.DATA_SUBJECT_NOTIFICATION, "individuals", null, 5),
                subjectsNotified("o-cac", 10),
                regulatorNotified("o-pipl", ReportPhase.INITIAL, 11),
                regulatorNotified("o-unknown", ReportPhase.INITIAL, 12));

        assertThat(r.obligations()).allSatisfy(o -> assertThat(o.state()).isEqualTo(ObligationState.OPEN));
        assertThat(r.notifications()).as("facts are kept even when they fulfil nothing").hasSize(3);
    }

    @Test
    void theFirstMeasureFulfilsEveryOpenRemedialObligationEvenOneDeterminedLater() {
        IncidentRecord r = fold(opened(),
                obligation("o-art4", ART4, ObligationKind.REMEDIAL_MEASURE, "responders", at(60), 1),
                obligation("o-csl", ART4, ObligationKind.REMEDIAL_MEASURE, "responders", at(60), 1),
                waived("o-csl", 2),
                measureStarted("m-1", 5),
                measureStarted("m-2", 6),
                obligation("o-late", ART4, ObligationKind.REMEDIAL_MEASURE, "responders", at(60), 7));

        assertThat(r.obligation("o-art4").orElseThrow().fulfilment().reference()).isEqualTo("m-1");
        assertThat(r.obligation("o-csl").orElseThrow().state()).as("only open ones").isEqualTo(ObligationState.WAIVED);
        assertThat(r.obligation("o-late").orElseThrow().fulfilment()).isEqualTo(new Fulfilment("RemedialMeasureStarted", "m-1", at(5)));
    }

    @Test
    void aWaiverOrAMissDoesNotUndoAFulfilment() {
        IncidentRecord r = fold(opened(),
                obligation("o-cac", CAC, ObligationKind.REGULATOR_NOTIFICATION, "Provincial CAC", at(240), 5),
                regulatorNotified("o-cac", ReportPhase.INITIAL, 10),
                waived("o-cac", 20),
                missed("o-cac", at(240)));
        Obligation o = r.obligation("o-cac").orElseThrow();
        assertThat(o.state()).isEqualTo(ObligationState.FULFILLED);
        assertThat(o.waiver()).isNull();
        assertThat(o.missed().dueAt()).isEqualTo(at(240));
        assertThat(r.missedDeadlines()).hasSize(1);
    }

    @Test
    void cannotFoldAHistoryThatDoesNotStartWithTheOpening() {
        assertThatThrownBy(() -> IncidentHistory.replay(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IncidentHistory.replay(List.of(triaged(TriageVerdict.CONFIRMED))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IncidentTriaged");
    }

    @Test
    void canCutTheLogAtAPointInTime() {
        List<IncidentEvent> events = handledAndClosed();
        List<RecordedEvent> log = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            // recorded a second after its business time, by the system
            log.add(new RecordedEvent(i, events.get(i).occurredAt().plusSeconds(1), "alice", events.get(i)));
        }

        assertThat(IncidentHistory.replay(log, T0)).as("not yet recorded").isEmpty();
        IncidentRecord early = IncidentHistory.replay(log, at(100).plusSeconds(1)).orElseThrow();
        assertThat(early.lastSequence()).isEqualTo(14);
        assertThat(early.asOf()).isEqualTo(at(100).plusSeconds(1));
        assertThat(early.status()).isEqualTo(IncidentStatus.CONFIRMED);
        assertThat(early.obligation("o-cac").orElseThrow().state()).isEqualTo(ObligationState.FULFILLED);
        assertThat(early.obligation("o-pipl").orElseThrow().state()).isEqualTo(ObligationState.OPEN);
        assertThat(early.resolution()).isNull();
        assertThat(IncidentHistory.replay(log, at(100))).hasValueSatisfying(r -> assertThat(r.lastSequence()).isEqualTo(13));
        assertThat(IncidentHistory.replay(log, at(1000))).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(IncidentStatus.CLOSED);
            assertThat(r.lastSequence()).isEqualTo(21);
        });
    }

    @Test
    void awarenessIsTheOpeningInOldLogsAndTheRecordedBasisOtherwise() {
        IncidentRecord old = fold(opened(), correlated());
        assertThat(old.awareness()).isEqualTo(new Awareness(T0, null));
        assertThat(old.basis()).isNull();

        IncidentRecord r = fold(openedWithReceipt(), basis(-2, "opening", "system", 0),
                correlatedWithReceipt(-4), basis(-4, "earlier detection det-2", "system", 2),
                basis(-4, "new operator class", "dpo-carol", 50));
        assertThat(r.openedAt()).isEqualTo(T0);
        assertThat(r.awareness()).isEqualTo(new Awareness(at(-4), AwarenessSource.RECEIPT));
        assertThat(r.basis().ruleSetVersions()).containsEntry("pipl", LocalDate.parse("2021-11-01"));
        assertThat(r.basis().profile()).isEqualTo(PROFILE);
        assertThat(r.basis().changes()).extracting(BasisChange::reason, BasisChange::recordedBy, BasisChange::recordedAt)
                .containsExactly(tuple("opening", "system", at(0)), tuple("earlier detection det-2", "system", at(2)),
                        tuple("new operator class", "dpo-carol", at(50)));
        assertThat(r.basis().changes().get(0).awareAt()).isEqualTo(at(-2));
    }

    @Test
    void eachDetectionShowsWhenItWasReceivedAndWhenTheAlertingSystemSawIt() {
        IncidentRecord r = fold(openedWithReceipt(), correlatedWithReceipt(3), correlated());
        assertThat(r.detections()).extracting(DetectionEntry::observedAt, DetectionEntry::receivedAt, DetectionEntry::recordedAt)
                .containsExactly(tuple(at(-5), at(-2), at(0)), tuple(at(2), at(3), at(2)), tuple(at(1), null, at(2)));
    }

    @Test
    void harmsAccumulateFromTheDetectionsAndTheAssessments() {
        IncidentRecord r = fold(opened(), correlated(), assessedWithHarms(List.of(HarmKind.LOSS, HarmKind.DISCLOSURE), true,
                Map.of("US-CA", 700L)), assessed());
        assertThat(r.harms()).containsExactly(HarmKind.DISCLOSURE, HarmKind.TAMPERING, HarmKind.LOSS);
        assertThat(r.assessment().harms()).as("the latest assessment as stated").isEmpty();

        Assessment stated = fold(opened(), assessedWithHarms(List.of(HarmKind.LOSS), true, Map.of("US-CA", 700L))).assessment();
        assertThat(stated.suspectedCrime()).isTrue();
        assertThat(stated.subjectsByRegion()).containsExactly(Map.entry("US-CA", 700L));
        assertThat(stated.harms()).containsExactly(HarmKind.LOSS);
        assertThat(fold(opened(), assessed()).assessment().suspectedCrime()).as("not stated").isNull();
    }

    @Test
    void theLatestStatementOfEachFilingDetailCountsWithWhoAndWhen() {
        IncidentRecord r = fold(opened(),
                details(Map.of(FilingDetail.PLACE, "Data centre Shanghai-2", FilingDetail.TREND, "Spreading"), "bob", 20),
                details(Map.of(FilingDetail.TREND, "Contained since 10:00"), "alice", 30));
        assertThat(r.filingDetails()).containsOnlyKeys(FilingDetail.PLACE, FilingDetail.TREND);
        assertThat(r.filingDetail(FilingDetail.TREND)).contains(new StatedDetail("Contained since 10:00", "alice", at(30)));
        assertThat(r.filingDetail(FilingDetail.PLACE)).contains(new StatedDetail("Data centre Shanghai-2", "bob", at(20)));
        assertThat(r.filingDetail(FilingDetail.SUPPORT_NEEDED)).isEmpty();
    }

    @Test
    void aWaiverNamesItsGroundAndARevocationReopensTheObligation() {
        List<IncidentEvent> events = new ArrayList<>(List.of(opened(), basis(0, "opening", "system", 0),
                waivable("pipl/art57-individuals", PIPL, ObligationKind.DATA_SUBJECT_NOTIFICATION, 5),
                waivedOnGround("pipl/art57-individuals", 10)));
        Obligation waived = IncidentHistory.replay(events).obligation("pipl/art57-individuals").orElseThrow();
        assertThat(waived.waiverGrounds()).containsExactly(AVOIDS_HARM);
        assertThat(waived.state()).isEqualTo(ObligationState.WAIVED);
        assertThat(waived.waiver()).isEqualTo(new Waiver("measures-avoid-harm", "PIPL Art. 57 para. 2",
                "Credentials rotated before any use", "dpo-carol", at(10)));

        events.add(revoked("pipl/art57-individuals", 20));
        Obligation reopened = IncidentHistory.replay(events).obligation("pipl/art57-individuals").orElseThrow();
        assertThat(reopened.state()).isEqualTo(ObligationState.OPEN);
        assertThat(reopened.waiver()).isNull();
        assertThat(reopened.revocations()).singleElement().satisfies(rev -> {
            assertThat(rev.revokedWaiver()).isEqualTo(waived.waiver());
            assertThat(rev.reason()).isEqualTo("The authority requires the individuals to be told");
            assertThat(rev.revokedAt()).isEqualTo(at(20));
        });
        assertThat(oldObligation("pipl/art57-individuals").waiverGrounds()).as("old events: none").isEmpty();
    }

    @Test
    void inNewLogsOnlyTheRecordedFulfilmentMeetsAnObligation() {
        List<IncidentEvent> events = new ArrayList<>(List.of(opened(), basis(0, "opening", "system", 0),
                obligation("o-cac", CAC, ObligationKind.REGULATOR_NOTIFICATION, "Provincial CAC", at(240), 1),
                obligation("o-art4", ART4, ObligationKind.REMEDIAL_MEASURE, "responders", at(60), 1),
                regulatorNotified("o-cac", ReportPhase.INITIAL, 10), measureStarted("m-1", 11)));
        IncidentRecord before = IncidentHistory.replay(events);
        assertThat(before.obligations()).as("the ledger decided nothing yet").allMatch(Obligation::open);

        events.add(fulfilled("o-cac", "RegulatorNotified", "CAC-2025-10", 10));
        events.add(fulfilled("o-art4", "RemedialMeasureStarted", "m-1", 11));
        IncidentRecord r = IncidentHistory.replay(events);
        assertThat(r.obligation("o-cac").orElseThrow().fulfilment()).isEqualTo(new Fulfilment("RegulatorNotified", "CAC-2025-10", at(10)));
        assertThat(r.obligation("o-art4").orElseThrow().fulfilment()).isEqualTo(new Fulfilment("RemedialMeasureStarted", "m-1", at(11)));
    }

    @Test
    void theStatesAreAlwaysThoseOfTheSharedLedger() {
        List<List<IncidentEvent>> logs = List.of(handledAndClosed(), List.of(opened(), basis(0, "opening", "system", 0),
                waivable("o-p", PIPL, ObligationKind.DATA_SUBJECT_NOTIFICATION, 1), waivedOnGround("o-p", 2), revoked("o-p", 3),
                obligation("o-cac", CAC, ObligationKind.REGULATOR_NOTIFICATION, "CAC", at(240), 4), missed("o-cac", at(240)),
                withdrawn("o-cac", 300), fulfilled("o-p", "DataSubjectsNotified", "b".repeat(64), 301)));
        for (List<IncidentEvent> log : logs) {
            for (int n = 1; n <= log.size(); n++) {
                ObligationLedger ledger = ObligationLedger.of(log.subList(0, n));
                IncidentRecord r = IncidentHistory.replay(log.subList(0, n));
                assertThat(r.obligations()).extracting(Obligation::obligationId, Obligation::state, o -> o.missed() != null)
                        .containsExactlyElementsOf(ledger.obligations().values().stream()
                                .map(o -> tuple(o.obligationId(), o.state(), o.missed())).toList());
            }
        }
    }

    @Test
    void everyEventTypeIsFoldedWithoutFailing() {
        List<IncidentEvent> all = new ArrayList<>(handledAndClosed());
        all.addAll(List.of(reopened(400), missed("o-cac", at(240)), withdrawn("o-cac", 401), basis(0, "re-based", "dpo-carol", 402),
                fulfilled("o-gdpr", "RegulatorNotified", "x", 403), revoked("o-gdpr", 404), waivedOnGround("o-gdpr", 405),
                details(Map.of(FilingDetail.PLACE, "Shanghai"), "bob", 406), openedWithReceipt(),
                new PersonalDataErased(ID, ErasureGround.DATA_SUBJECT_REQUEST, "DSR-1", "dpo-carol", at(407))));
        Set<Class<?>> folded = all.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(folded).containsAll(List.of(IncidentEvent.class.getPermittedSubclasses()));
        assertThat(IncidentHistory.replay(all).lastSequence()).isEqualTo(all.size() - 1);
    }

    @Test
    void anErasureIsRecordedWithItsGroundReferenceAndWho() {
        List<IncidentEvent> log = new ArrayList<>(handledAndClosed());
        log.add(new PersonalDataErased(ID, ErasureGround.RETENTION_ENDED, "retention:P1095D", "system:retention", at(500)));
        assertThat(IncidentHistory.replay(log).erasures()).containsExactly(
                new Erasure(ErasureGround.RETENTION_ENDED, "retention:P1095D", "system:retention", at(500)));
    }

    private static Obligation oldObligation(String id) {
        return fold(opened(), obligation(id, PIPL, ObligationKind.DATA_SUBJECT_NOTIFICATION, "data subjects", null, 1))
                .obligation(id).orElseThrow();
    }

    private static IncidentRecord fold(IncidentEvent... events) {
        return IncidentHistory.replay(List.of(events));
    }
}
