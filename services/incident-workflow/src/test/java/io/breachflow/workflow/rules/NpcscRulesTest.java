package io.breachflow.workflow.rules;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.TriageVerdict;
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

/** 2012 Decision Art. 4: remedial measures at once, from a mere suspicion. */
class NpcscRulesTest {

    private static final String REMEDIAL = "npcsc-2012/art4-remedial-measures";
    private static final OrganisationProfile CN = OrganisationProfile.defaults();
    private static final OrganisationProfile US = CN.withHomeJurisdictions("US");

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("a suspicion, before triage", CN, suspected(), Map.of(REMEDIAL, aware("PT1H"))),
                arguments("confirmed", CN, suspected().verdict(TriageVerdict.CONFIRMED), Map.of(REMEDIAL, aware("PT1H"))),
                arguments("loss", CN, suspected().harm(HarmKind.LOSS), Map.of(REMEDIAL, aware("PT1H"))),
                arguments("damage", CN, suspected().harm(HarmKind.DAMAGE), Map.of(REMEDIAL, aware("PT1H"))),
                arguments("tampering", CN, suspected().harm(HarmKind.TAMPERING), Map.of(REMEDIAL, aware("PT1H"))),
                arguments("unknown harm", CN, suspected().harm(null), Map.of(REMEDIAL, aware("PT1H"))),
                arguments("the organisation's own target",
                        CN.withInternalTarget(ObligationKind.REMEDIAL_MEASURE, Duration.ofMinutes(15)), suspected(),
                        Map.of(REMEDIAL, aware("PT15M"))),
                arguments("a US organisation, US subjects", US, suspected().assessed(10, "US"), Map.of()),
                arguments("a US organisation, Chinese subjects", US, suspected().assessed(10, "US", "CN"),
                        Map.of(REMEDIAL, aware("PT1H"))),
                arguments("false positive", CN, suspected().verdict(TriageVerdict.FALSE_POSITIVE), Map.of()),
                // In force from 28 December 2012, 00:00 in Beijing = 27 December, 16:00 UTC.
                arguments("a minute before it took effect", CN,
                        suspected().awareAt(Instant.parse("2012-12-27T12:00:00Z"))
                                .evaluatedAt(Instant.parse("2012-12-27T15:59:00Z")), Map.of()),
                arguments("when it took effect", CN,
                        suspected().awareAt(Instant.parse("2012-12-27T12:00:00Z"))
                                .evaluatedAt(Instant.parse("2012-12-27T16:00:00Z")),
                        Map.of(REMEDIAL, Instant.parse("2012-12-27T13:00:00Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansRemedialMeasures(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, "npcsc-2012")).isEqualTo(expected);
    }
}
