package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.ReportPhase;
import io.breachflow.contracts.incident.TriageVerdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.breachflow.workflow.history.IncidentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static IncidentRecord fold(IncidentEvent... events) {
        return IncidentHistory.replay(List.of(events));
    }
}
