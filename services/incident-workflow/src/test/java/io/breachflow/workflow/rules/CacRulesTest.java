package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.OperatorClass;

import io.breachflow.contracts.incident.IncidentGrade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static io.breachflow.contracts.incident.IncidentGrade.ESPECIALLY_MAJOR;
import static io.breachflow.contracts.incident.IncidentGrade.GENERAL;
import static io.breachflow.contracts.incident.IncidentGrade.MAJOR;
import static io.breachflow.contracts.incident.IncidentGrade.RELATIVELY_MAJOR;
import static io.breachflow.workflow.rules.Facts.aware;
import static io.breachflow.workflow.rules.Facts.suspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** CAC Cybersecurity Incident Reporting Measures: grade thresholds, operator-class clocks, final report. */
class CacRulesTest {

    private static final String SET = "cac-incident-reporting";
    private static final String INITIAL = SET + "/initial-report";
    private static final String FINAL = SET + "/final-report";
    private static final OrganisationProfile OTHER = OrganisationProfile.defaults();
    private static final Instant RESOLVED = aware("P5D");

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("neither graded nor assessed", OTHER, suspected(), Map.of()),
                arguments("graded general", OTHER, suspected().graded(GENERAL), Map.of()),
                arguments("graded relatively major", OTHER, suspected().graded(RELATIVELY_MAJOR),
                        Map.of(INITIAL, aware("PT4H"))),
                arguments("graded especially major", OTHER, suspected().graded(ESPECIALLY_MAJOR),
                        Map.of(INITIAL, aware("PT4H"))),
                arguments("999,999 people, not graded", OTHER, suspected().assessed(999_999, "CN"), Map.of()),
                arguments("1,000,000 people, not graded", OTHER, suspected().assessed(1_000_000, "CN"),
                        Map.of(INITIAL, aware("PT4H"))),
                arguments("2M people outweigh a general grade", OTHER,
                        suspected().assessed(2_000_000, "CN").graded(GENERAL), Map.of(INITIAL, aware("PT4H"))),
                arguments("a major grade outweighs 10 people", OTHER, suspected().assessed(10, "CN").graded(MAJOR),
                        Map.of(INITIAL, aware("PT4H"))),
                arguments("critical information infrastructure: 1 h",
                        OTHER.withOperatorClass(OperatorClass.CRITICAL_INFORMATION_INFRASTRUCTURE),
                        suspected().graded(RELATIVELY_MAJOR), Map.of(INITIAL, aware("PT1H"))),
                arguments("central or state organ: 2 h", OTHER.withOperatorClass(OperatorClass.CENTRAL_OR_STATE_ORGAN),
                        suspected().graded(RELATIVELY_MAJOR), Map.of(INITIAL, aware("PT2H"))),
                arguments("resolved: final report 30 days after", OTHER,
                        suspected().graded(MAJOR).resolvedAt(RESOLVED).evaluatedAt(RESOLVED),
                        Map.of(INITIAL, aware("PT4H"), FINAL, aware("P35D"))),
                arguments("resolved general incident: nothing", OTHER,
                        suspected().graded(GENERAL).resolvedAt(RESOLVED).evaluatedAt(RESOLVED), Map.of()),
                arguments("a US operator with US subjects", OTHER.withHomeJurisdictions("US"),
                        suspected().assessed(5_000_000, "US"), Map.of()),
                // In force from 1 November 2025, 00:00 in Beijing = 31 October, 16:00 UTC.
                arguments("before the Measures took effect", OTHER,
                        suspected().awareAt(Instant.parse("2025-10-31T08:00:00Z")).graded(MAJOR)
                                .evaluatedAt(Instant.parse("2025-10-31T15:00:00Z")), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansCacReports(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, SET)).isEqualTo(expected);
    }

    @Test
    void regradingAddsAndWithdrawsTheReportUnderTheSameId() {
        Facts facts = suspected().assessed(500_000, "CN");
        assertThat(Plans.dueTimes(facts, SET)).isEmpty();

        facts.graded(RELATIVELY_MAJOR).evaluatedAt(aware("PT3H"));
        assertThat(Plans.dueTimes(facts, SET)).isEqualTo(Map.of(INITIAL, aware("PT4H")));

        facts.graded(IncidentGrade.GENERAL).evaluatedAt(aware("PT5H"));
        assertThat(Plans.dueTimes(facts, SET)).isEmpty();
    }

    @Test
    void theFirstTwoItemsMayBeFiledFirstAndTheRestFollow() {
        PlannedObligation initial = Plans.plan(OTHER, suspected().graded(MAJOR)).stream()
                .filter(o -> o.obligationId().equals(INITIAL)).findFirst().orElseThrow();

        assertThat(initial.requiredContent()).hasSize(11);
        assertThat(initial.requiredContent().subList(0, 2)).noneMatch(item -> item.startsWith("may follow: "));
        assertThat(initial.requiredContent().subList(2, 11)).allMatch(item -> item.startsWith("may follow: "));
        assertThat(initial.recipient()).isEqualTo("provincial cyberspace administration");
    }
}
