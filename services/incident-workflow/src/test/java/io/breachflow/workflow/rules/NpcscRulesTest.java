package io.breachflow.workflow.rules;

import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.TriageVerdict;
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

/** 2012 Decision Art. 4: remedial measures at once, from a mere suspicion; no waiver ground. */
class NpcscRulesTest {

    private static final String REMEDIAL = "npcsc-2012/art4-remedial-measures";
    private static final OrganisationProfile CN = OrganisationProfile.defaults();
    private static final OrganisationProfile US = CN.withHomeJurisdictions("US");

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("2012 Decision Art. 4: a suspicion, before triage", CN, suspected(), Map.of(REMEDIAL, aware("PT1H"))),
                arguments("2012 Decision Art. 4: confirmed", CN, suspected().verdict(TriageVerdict.CONFIRMED),
                        Map.of(REMEDIAL, aware("PT1H"))),
                arguments("2012 Decision Art. 4: loss", CN, suspected().harm(HarmKind.LOSS), Map.of(REMEDIAL, aware("PT1H"))),
                arguments("2012 Decision Art. 4: damage", CN, suspected().harm(HarmKind.DAMAGE), Map.of(REMEDIAL, aware("PT1H"))),
                arguments("2012 Decision Art. 4: tampering, read as damage", CN, suspected().harm(HarmKind.TAMPERING),
                        Map.of(REMEDIAL, aware("PT1H"))),
                arguments("2012 Decision Art. 4: unknown harm", CN, suspected().harm(null), Map.of(REMEDIAL, aware("PT1H"))),
                arguments("2012 Decision Art. 4: 'immediately' is the organisation's own target",
                        CN.withInternalTarget(ObligationKind.REMEDIAL_MEASURE, Duration.ofMinutes(15)), suspected(),
                        Map.of(REMEDIAL, aware("PT15M"))),
                arguments("2012 Decision Art. 4: a US organisation, US subjects", US, suspected().assessed(10, "US"), Map.of()),
                arguments("2012 Decision Art. 4: a US organisation, Chinese subjects", US,
                        suspected().assessed(10, "US", "CN"), Map.of(REMEDIAL, aware("PT1H"))),
                arguments("2012 Decision Art. 4: false positive", CN, suspected().verdict(TriageVerdict.FALSE_POSITIVE), Map.of()),
                // In force from 28 December 2012, 00:00 in Beijing = 27 December, 16:00 UTC. Awareness decides.
                arguments("2012 Decision Art. 12: aware a minute before it took effect, evaluated after", CN,
                        suspected().awareAt(Instant.parse("2012-12-27T15:59:00Z"))
                                .evaluatedAt(Instant.parse("2012-12-27T17:00:00Z")), Map.of()),
                arguments("2012 Decision Art. 12: aware when it took effect", CN,
                        suspected().awareAt(Instant.parse("2012-12-27T16:00:00Z")),
                        Map.of(REMEDIAL, Instant.parse("2012-12-27T17:00:00Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansRemedialMeasures(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, "npcsc-2012")).isEqualTo(expected);
    }

    @Test
    void art4GivesNoWaiverGround() {
        assertThat(Plans.groundIds(CN, suspected(), "npcsc-2012")).isEqualTo(Map.of(REMEDIAL, List.of()));
    }
}
