package io.breachflow.workflow.rules;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.ObligationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static io.breachflow.workflow.rules.Facts.aware;
import static io.breachflow.workflow.rules.Facts.suspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** PIPL Art. 57: remedial measures, the authority and the individuals, "immediately". */
class PiplRulesTest {

    private static final OrganisationProfile CN = OrganisationProfile.defaults();

    static Stream<Arguments> cases() {
        Map<String, Instant> all = Map.of("pipl/art57-remedial-measures", aware("PT1H"),
                "pipl/art57-authority", aware("PT24H"), "pipl/art57-individuals", aware("PT24H"));
        return Stream.of(
                arguments("leak that may have occurred", CN, suspected(), all),
                arguments("tampering", CN, suspected().harm(HarmKind.TAMPERING), all),
                arguments("loss", CN, suspected().harm(HarmKind.LOSS), all),
                arguments("damage is not named in Art. 57", CN, suspected().harm(HarmKind.DAMAGE), Map.of()),
                arguments("notification target of 6 h",
                        CN.withInternalTarget(ObligationKind.REGULATOR_NOTIFICATION, Duration.ofHours(6))
                                .withInternalTarget(ObligationKind.DATA_SUBJECT_NOTIFICATION, Duration.ofHours(12)),
                        suspected(), Map.of("pipl/art57-remedial-measures", aware("PT1H"),
                                "pipl/art57-authority", aware("PT6H"), "pipl/art57-individuals", aware("PT12H"))),
                arguments("before 1 November 2021", CN,
                        suspected().awareAt(Instant.parse("2021-10-30T08:00:00Z")), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansArt57(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, "pipl")).isEqualTo(expected);
    }

    @Test
    void authorityAndIndividualsGetTheContentArt57Lists() {
        PlannedObligation individuals = Plans.plan(CN, suspected()).stream()
                .filter(o -> o.obligationId().equals("pipl/art57-individuals")).findFirst().orElseThrow();

        assertThat(individuals.kind()).isEqualTo(ObligationKind.DATA_SUBJECT_NOTIFICATION);
        assertThat(individuals.recipient()).isEqualTo("data subjects");
        assertThat(individuals.rule().citation()).isEqualTo("PIPL Art. 57");
        assertThat(individuals.requiredContent()).hasSize(6)
                .anyMatch(item -> item.contains("categories of personal information"))
                .anyMatch(item -> item.contains("causes"))
                .anyMatch(item -> item.contains("possible harm"))
                .anyMatch(item -> item.contains("remedial measures"))
                .anyMatch(item -> item.contains("individuals can take"))
                .anyMatch(item -> item.contains("contact"));
    }
}
