package io.breachflow.workflow.rules;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.ObligationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.breachflow.workflow.rules.Facts.aware;
import static io.breachflow.workflow.rules.Facts.suspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** PIPL Art. 57: remedial measures, the authority and the individuals, "immediately"; para. 2's single ground. */
class PiplRulesTest {

    private static final OrganisationProfile CN = OrganisationProfile.defaults();
    private static final String REMEDIAL = "pipl/art57-remedial-measures";
    private static final String AUTHORITY = "pipl/art57-authority";
    private static final String INDIVIDUALS = "pipl/art57-individuals";

    static Stream<Arguments> cases() {
        Map<String, Instant> all = Map.of(REMEDIAL, aware("PT1H"), AUTHORITY, aware("PT24H"), INDIVIDUALS, aware("PT24H"));
        return Stream.of(
                arguments("PIPL Art. 57 para. 1: leak that may have occurred", CN, suspected(), all),
                arguments("PIPL Art. 57 para. 1: tampering", CN, suspected().harm(HarmKind.TAMPERING), all),
                arguments("PIPL Art. 57 para. 1: loss", CN, suspected().harm(HarmKind.LOSS), all),
                arguments("PIPL Art. 57 para. 1: damage is not named", CN, suspected().harm(HarmKind.DAMAGE), Map.of()),
                arguments("PIPL Art. 57 para. 1: damage, then a leak found", CN,
                        suspected().harm(HarmKind.DAMAGE).alsoHarm(HarmKind.DISCLOSURE), all),
                arguments("PIPL Art. 57 para. 1: notification targets of 6 h and 12 h",
                        CN.withInternalTarget(ObligationKind.REGULATOR_NOTIFICATION, Duration.ofHours(6))
                                .withInternalTarget(ObligationKind.DATA_SUBJECT_NOTIFICATION, Duration.ofHours(12)),
                        suspected(), Map.of(REMEDIAL, aware("PT1H"), AUTHORITY, aware("PT6H"), INDIVIDUALS, aware("PT12H"))),
                arguments("PIPL Art. 57 para. 2: a revoked waiver restarts the individuals' clock", CN,
                        suspected().reopened(INDIVIDUALS, aware("P2D")),
                        Map.of(REMEDIAL, aware("PT1H"), AUTHORITY, aware("PT24H"), INDIVIDUALS, aware("P2DT24H"))),
                arguments("PIPL Art. 74: aware before 1 November 2021, evaluated after", CN,
                        suspected().awareAt(Instant.parse("2021-10-30T08:00:00Z"))
                                .evaluatedAt(Instant.parse("2021-11-02T08:00:00Z")), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansArt57(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, "pipl")).isEqualTo(expected);
    }

    static Stream<Arguments> grounds() {
        return Stream.of(
                arguments("PIPL Art. 57 para. 1: remedial measures cannot be waived", REMEDIAL, List.of()),
                arguments("PIPL Art. 57 para. 1: the report to the departments cannot be waived", AUTHORITY, List.of()),
                arguments("PIPL Art. 57 para. 2: the individuals, where the measures avoid harm", INDIVIDUALS,
                        List.of("measures-avoid-harm")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grounds")
    void waiverGrounds(String name, String obligationId, List<String> expected) {
        assertThat(Plans.groundIds(CN, suspected(), "pipl").get(obligationId)).isEqualTo(expected);
    }

    @Test
    void authorityAndIndividualsGetTheContentArt57Lists() {
        PlannedObligation individuals = Plans.obligation(CN, suspected(), INDIVIDUALS);

        assertThat(individuals.kind()).isEqualTo(ObligationKind.DATA_SUBJECT_NOTIFICATION);
        assertThat(individuals.recipient()).isEqualTo("data subjects");
        assertThat(individuals.rule().citation()).isEqualTo("PIPL Art. 57 para. 1");
        assertThat(individuals.waiverGrounds().get(0).citation()).isEqualTo("PIPL Art. 57 para. 2");
        assertThat(individuals.waiverGrounds().get(0).description()).contains("may still require");
        assertThat(individuals.requiredContent()).hasSize(6)
                .anyMatch(item -> item.contains("categories of personal information"))
                .anyMatch(item -> item.contains("causes"))
                .anyMatch(item -> item.contains("possible harm"))
                .anyMatch(item -> item.contains("remedial measures"))
                .anyMatch(item -> item.contains("individuals can take"))
                .anyMatch(item -> item.contains("contact"));
    }
}
