package io.breachflow.contracts.incident.obligation;

import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.contracts.incident.IncidentOpened;
import io.breachflow.contracts.incident.obligation.ObligationStreams.Case;
import io.breachflow.contracts.incident.obligation.ObligationStreams.Expected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.breachflow.contracts.incident.ObligationKind.DATA_SUBJECT_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.REGULATOR_NOTIFICATION;
import static io.breachflow.contracts.incident.ObligationKind.REMEDIAL_MEASURE;
import static io.breachflow.contracts.incident.obligation.IncidentLog.INCIDENT;
import static io.breachflow.contracts.incident.obligation.IncidentLog.opened;
import static io.breachflow.contracts.incident.obligation.ObligationState.FULFILLED;
import static io.breachflow.contracts.incident.obligation.ObligationState.OPEN;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.CAC_REPORT;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.DUE_4H;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.DUE_8H;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.PIPL_SUBJECTS;
import static io.breachflow.contracts.incident.obligation.ObligationStreams.REMEDIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one fold of obligation states, over the shared table of incident logs ({@link ObligationStreams}): after each
 * log every obligation stands as the case says (state, whether its current clock was missed, its due time, the
 * ground of a standing waiver). The workflow and the dashboard hold their readers to the same table.
 */
class ObligationLedgerTest {

    static List<Case> cases() {
        return ObligationStreams.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void foldsTheLog(Case example) {
        ObligationLedger ledger = ObligationLedger.of(example.log());

        Map<String, Expected> actual = new LinkedHashMap<>();
        ledger.obligations().forEach((id, status) -> actual.put(id,
                new Expected(status.state(), status.missed(), status.dueAt(), status.waiverGround())));
        assertThat(actual).isEqualTo(example.expected());
        assertThat(actual.keySet()).containsExactlyElementsOf(example.expected().keySet());
        ledger.obligations().forEach((id, status) -> assertThat(status.open()).as("%s open()", id)
                .isEqualTo(status.state() == OPEN));
    }

    /** Every reader folds a log from its opening: each case is one incident's whole log, in the order of its times. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachLogIsAWholeIncidentsLog(Case example) {
        List<IncidentEvent> log = example.log();
        assertThat(log.get(0)).isInstanceOf(IncidentOpened.class);
        assertThat(log).allSatisfy(event -> {
            assertThat(event.incidentId()).isEqualTo(INCIDENT);
            assertThat(event.occurredAt()).as("business time of %s", event).isNotNull();
        });
        for (int i = 1; i < log.size(); i++) {
            assertThat(log.get(i).occurredAt()).as("time of event %d, %s", i, log.get(i))
                    .isAfterOrEqualTo(log.get(i - 1).occurredAt());
        }
    }

    @Test
    void theCasesHaveDistinctNames() {
        assertThat(cases().stream().map(Case::name)).doesNotHaveDuplicates();
    }

    /** Folding event by event and folding the whole log agree, and no step changes the ledger it was applied to. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void applyReturnsANewLedgerAndLeavesTheOldOneUnchanged(Case example) {
        List<IncidentEvent> events = example.log();
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
        ObligationLedger ledger = ObligationLedger.of(opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H).events());
        ObligationStatus open = ledger.get(CAC_REPORT).orElseThrow();

        assertThatThrownBy(() -> ledger.obligations().put(CAC_REPORT, open.in(FULFILLED, null)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ledger.obligations().remove(CAC_REPORT)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ledger.get(CAC_REPORT)).contains(open);
    }

    @Test
    void aRedeterminationReplacesTheTermsAndCountsTheDeterminations() {
        ObligationLedger ledger = ObligationLedger.of(opened().basis()
                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_8H).events());

        ObligationStatus status = ledger.get(CAC_REPORT).orElseThrow();
        assertThat(status.dueAt()).isEqualTo(DUE_8H);
        assertThat(status.terms().deadlineId()).isEqualTo("deadline-" + DUE_8H.toEpochMilli());
        assertThat(status.determinations()).isEqualTo(2);
        assertThat(status.kind()).isEqualTo(REGULATOR_NOTIFICATION);
        assertThat(ledger.get("gdpr/art33-authority")).isEmpty();
    }

    @Test
    void obligationsKeepTheOrderTheyWereFirstDetermined() {
        ObligationLedger ledger = ObligationLedger.of(opened().basis()
                .determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_8H)
                .determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H)
                .determined(REMEDIAL, REMEDIAL_MEASURE, null)
                .determined(PIPL_SUBJECTS, DATA_SUBJECT_NOTIFICATION, DUE_4H).events());

        assertThat(ledger.obligations().keySet()).containsExactly(PIPL_SUBJECTS, CAC_REPORT, REMEDIAL);
    }

    @Test
    void eventsOfOtherKindsChangeNothing() {
        IncidentLog log = opened().basis().determined(CAC_REPORT, REGULATOR_NOTIFICATION, DUE_4H);
        ObligationLedger ledger = ObligationLedger.of(log.events());

        List<IncidentEvent> later = log.note("Called the CAC duty officer").basis().events();
        assertThat(ledger.apply(later.get(later.size() - 2))).isEqualTo(ledger);
        assertThat(ledger.apply(later.get(later.size() - 1))).isEqualTo(ledger);
        assertThat(ledger.apply(later.get(0))).as("the opening").isEqualTo(ledger);
    }
}
