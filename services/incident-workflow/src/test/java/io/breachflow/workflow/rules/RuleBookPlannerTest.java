package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.IncidentGrade;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.OperatorClass;
import io.breachflow.contracts.incident.TriageVerdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.breachflow.workflow.rules.Facts.suspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What holds across rule sets: false positives, order, ids, versions, enabled sets. */
class RuleBookPlannerTest {

    private static final OrganisationProfile CN = OrganisationProfile.defaults();

    /** Touches every rule set in force in 2026 except HIPAA and the Network Data Regulations. */
    private static Facts broadIncident() {
        return suspected().assessed(2_000_000, "CN", "DE", "SG").sensitive().graded(IncidentGrade.MAJOR);
    }

    @Test
    void theClassPathBookHoldsEveryRuleSet() {
        assertThat(Plans.BOOK.ruleSetIds()).containsExactly("cac-incident-reporting", "cybersecurity-law", "gdpr",
                "hipaa", "in-dpdp", "network-data-regulations", "npcsc-2012", "pipl", "sg-pdpa");
    }

    @Test
    void aFalsePositiveHasNoObligations() {
        assertThat(Plans.plan(CN, broadIncident().verdict(TriageVerdict.FALSE_POSITIVE))).isEmpty();
    }

    @Test
    void aConfirmedIncidentHasTheSameObligationsAsASuspectedOne() {
        assertThat(Plans.plan(CN, broadIncident().verdict(TriageVerdict.CONFIRMED)))
                .isEqualTo(Plans.plan(CN, broadIncident()));
    }

    @Test
    void obligationsComeByRuleSetThenInFileOrder() {
        assertThat(Plans.plan(CN, broadIncident())).extracting(PlannedObligation::obligationId).containsExactly(
                "cac-incident-reporting/initial-report",
                "cac-incident-reporting/supplementary-report",
                "cybersecurity-law/remedial-measures",
                "cybersecurity-law/inform-users",
                "cybersecurity-law/report-authority",
                "gdpr/art33-supervisory-authority",
                "gdpr/art34-data-subjects",
                "npcsc-2012/art4-remedial-measures",
                "pipl/art57-remedial-measures",
                "pipl/art57-authority",
                "pipl/art57-individuals",
                "sg-pdpa/s26C-assess",
                "sg-pdpa/s26D-commission",
                "sg-pdpa/s26D-individuals");
    }

    @Test
    void eachObligationNamesItsRuleAndTheVersionUsed() {
        List<PlannedObligation> plan = Plans.plan(CN, broadIncident());

        assertThat(plan).allSatisfy(obligation -> {
            assertThat(obligation.obligationId())
                    .isEqualTo(obligation.rule().ruleSet() + "/" + obligation.rule().ruleId());
            assertThat(obligation.rule().citation()).isNotBlank();
            assertThat(obligation.recipient()).isNotBlank();
            assertThat(obligation.dueAt()).isAfter(Facts.AWARE);
        });
        assertThat(plan).filteredOn(o -> o.rule().ruleSet().equals("gdpr"))
                .extracting(o -> o.rule().version()).containsOnly(LocalDate.parse("2018-05-25"));
    }

    @Test
    void onlyEnabledRuleSetsApply() {
        OrganisationProfile gdprOnly = CN.withEnabledRuleSets("gdpr");

        assertThat(Plans.plan(gdprOnly, broadIncident())).extracting(o -> o.rule().ruleSet()).containsOnly("gdpr");
    }

    @Test
    void anUnknownEnabledRuleSetStopsStartup() {
        assertThatThrownBy(() -> new RuleBookPlanner(CN.withEnabledRuleSets("gdpr", "pipI"), Plans.BOOK))
                .isInstanceOf(RuleBookException.class)
                .hasMessageContaining("breachflow.organisation.enabled-rule-sets")
                .hasMessageContaining("pipI");
    }

    @Test
    void anIncidentBeforeEveryRuleSetHasNoObligations() {
        assertThat(Plans.plan(CN, suspected().awareAt(java.time.Instant.parse("2010-01-01T00:00:00Z"))
                .assessed(2_000_000, "CN", "DE").graded(IncidentGrade.MAJOR))).isEmpty();
    }

    @Test
    void planningIsAPureFunctionOfTheFacts() {
        RuleBookPlanner planner = new RuleBookPlanner(CN, Plans.BOOK);
        Facts broad = broadIncident();
        IncidentFacts facts = broad.build(new IncidentFacts.Basis(CN, planner.versionsInForceAt(broad.awareAt(), CN)));

        assertThat(planner.plan(facts)).isEqualTo(planner.plan(facts));
    }

    @Test
    void aProfileChangeDoesNotChangeThePlanOfAnIncidentJudgedOnItsRecordedBasis() {
        Facts broad = broadIncident();
        IncidentFacts recorded = broad.build(Plans.basisAtAwareness(CN, broad));
        OrganisationProfile changed = CN.withOperatorClass(OperatorClass.CRITICAL_INFORMATION_INFRASTRUCTURE)
                .withHomeJurisdictions("US").withRoles("hipaa-covered-entity").withEnabledRuleSets("gdpr", "hipaa")
                .withInternalTarget(ObligationKind.REGULATOR_NOTIFICATION, Duration.ofHours(2));

        assertThat(new RuleBookPlanner(changed, Plans.BOOK).plan(recorded))
                .isEqualTo(new RuleBookPlanner(CN, Plans.BOOK).plan(recorded))
                .isEqualTo(Plans.plan(CN, broad));
    }

    @Test
    void aRecordedVersionIsUsedEvenWhenAnotherVersionIsInForceAtEvaluation() {
        Facts amended = suspected().awareAt(java.time.Instant.parse("2026-02-01T00:00:00Z"));
        IncidentFacts judgedOn2017 = amended.build(new IncidentFacts.Basis(CN,
                Map.of("cybersecurity-law", LocalDate.parse("2017-06-01"))));

        assertThat(new RuleBookPlanner(CN, Plans.BOOK).plan(judgedOn2017))
                .extracting(o -> o.rule().version()).containsOnly(LocalDate.parse("2017-06-01"));
    }
}
