package io.breachflow.dashboard.projection;

import io.breachflow.contracts.incident.obligation.ObligationStreams;
import io.breachflow.contracts.incident.obligation.ObligationStreams.Case;
import io.breachflow.contracts.incident.obligation.ObligationStreams.Expected;
import io.breachflow.dashboard.projection.IncidentProjection.ObligationOutcome;
import io.breachflow.dashboard.testing.DashboardObligations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's projection folds each log of the shared table ({@link ObligationStreams}) to the same obligations
 * as the contracts' {@code ObligationLedger}, and to the answers the case states: state, missed, due time (through
 * its stored rows, as a reload would read them), and the ground of a standing waiver. The workflow's test of the same
 * name ({@code io.breachflow.workflow.ReadersAgreeTest}) compares the aggregate and the history on the same table, so
 * all three readers are held to the same answers.
 */
class ReadersAgreeTest {

    static List<Case> cases() {
        return ObligationStreams.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDashboardAndTheLedgerAgree(Case example) {
        Map<String, ObligationOutcome> dashboard = DashboardObligations.dashboard(example.log());

        assertThat(dashboard).as("the dashboard").isEqualTo(DashboardObligations.ledger(example.log()));
        assertThat(dashboard).as("the case").isEqualTo(outcomes(example.expected()));
        assertThat(dashboard.keySet()).as("the order first determined").containsExactlyElementsOf(example.expected().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theBoardShowsTheGroundOfAStandingWaiver(Case example) {
        Map<String, String> grounds = new LinkedHashMap<>();
        IncidentProjection.replay(example.log(), true).obligations()
                .forEach((id, obligation) -> grounds.put(id, obligation.waiverGround()));

        Map<String, String> expected = new LinkedHashMap<>();
        example.expected().forEach((id, answer) -> expected.put(id, answer.waiverGround()));
        assertThat(grounds).isEqualTo(expected);
    }

    private static Map<String, ObligationOutcome> outcomes(Map<String, Expected> expected) {
        Map<String, ObligationOutcome> outcomes = new LinkedHashMap<>();
        expected.forEach((id, answer) -> outcomes.put(id, new ObligationOutcome(answer.state(), answer.missed(), answer.dueAt())));
        return outcomes;
    }
}
