package io.breachflow.workflow.filing;

import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.RuleReference;
import io.breachflow.contracts.incident.obligation.ObligationState;
import io.breachflow.workflow.history.IncidentHistory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.breachflow.workflow.history.IncidentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The filings an incident calls for: the kinds whose duty the log determined and did not withdraw. */
class AvailableFilingTest {

    static final RuleReference CSL_REPORT = new RuleReference("cybersecurity-law", LocalDate.parse("2017-06-01"), "report-authority", "CSL Art. 42");
    static final RuleReference CRIME = new RuleReference("network-data-security", LocalDate.parse("2025-01-01"), "art11-public-security", "NDSMR Art. 11");

    @Test
    void theKindsWhoseDutyStandsAreListedWithTheirObligations() {
        List<AvailableFiling> filings = AvailableFiling.of(IncidentHistory.replay(List.of(opened(),
                obligation("o-art4", ART4, ObligationKind.REMEDIAL_MEASURE, "internal", at(60), 1),
                obligation("o-cac", CAC, ObligationKind.REGULATOR_NOTIFICATION, "provincial cyberspace administration", at(240), 1),
                obligation("o-csl", CSL_REPORT, ObligationKind.REGULATOR_NOTIFICATION, "competent department", null, 1),
                obligation("o-crime", CRIME, ObligationKind.REGULATOR_NOTIFICATION, "public security organ", null, 1),
                obligation("o-gdpr", GDPR, ObligationKind.REGULATOR_NOTIFICATION, "lead supervisory authority", at(4320), 1),
                obligation("o-pipl", PIPL, ObligationKind.DATA_SUBJECT_NOTIFICATION, "data subjects", null, 1),
                subjectsNotified("o-pipl", 5),
                withdrawn("o-gdpr", 6))));

        assertThat(filings).extracting(AvailableFiling::kind).containsExactly("cac-initial-report", "cac-supplementary-report",
                "pipl-art57-notice", "csl-authority-report", "public-security-report");
        assertThat(filings.get(2).obligations()).isEqualTo(Map.of("o-pipl", ObligationState.FULFILLED));
        assertThat(filings.get(0).href()).isEqualTo("/api/incidents/" + ID + "/filings/cac-initial-report");
        assertThat(filings.get(0).titleZh()).isEqualTo("网络安全事件报告（初次报告）");
    }

    @Test
    void anIncidentWithoutADutyToTellAnyoneCallsForNoFiling() {
        assertThat(AvailableFiling.of(IncidentHistory.replay(List.of(opened(),
                obligation("o-art4", ART4, ObligationKind.REMEDIAL_MEASURE, "internal", at(60), 1))))).isEmpty();
    }
}
