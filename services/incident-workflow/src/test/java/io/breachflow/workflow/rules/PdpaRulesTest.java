package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.ObligationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.breachflow.workflow.rules.Facts.aware;
import static io.breachflow.workflow.rules.Facts.suspected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Singapore PDPA ss. 26C and 26D: assess, then the Commission within 3 calendar days, then the individuals. */
class PdpaRulesTest {

    private static final OrganisationProfile CN = OrganisationProfile.defaults();
    private static final String ASSESS = "sg-pdpa/s26C-assess";
    private static final String COMMISSION = "sg-pdpa/s26D-commission";
    private static final String INDIVIDUALS = "sg-pdpa/s26D-individuals";
    // Facts.AWARE is 2026-03-02T08:00Z = 16:00 in Singapore; 30 calendar days after 2 March end with 1 April.
    private static final Instant ASSESS_DUE = Instant.parse("2026-04-01T16:00:00Z");
    // Determined (assessed notifiable) at evaluation, 2 h after awareness: 2 March, 18:00 in Singapore.
    // Three calendar days after 2 March end at 6 March, 00:00 Singapore = 5 March, 16:00 UTC.
    private static final Instant COMMISSION_DUE = Instant.parse("2026-03-05T16:00:00Z");

    static Stream<Arguments> cases() {
        return Stream.of(
                arguments("PDPA s26C(2): a Singapore organisation assesses, not yet assessed", CN.withHomeJurisdictions("SG"),
                        suspected(), Map.of(ASSESS, ASSESS_DUE)),
                arguments("PDPA s26B(1)(b): 500 people, significant scale", CN, suspected().assessed(500, "SG"),
                        Map.of(ASSESS, ASSESS_DUE, COMMISSION, COMMISSION_DUE)),
                arguments("PDPA s26B(1)(a): sensitive, significant harm", CN, suspected().assessed(3, "SG").sensitive(),
                        Map.of(ASSESS, ASSESS_DUE, COMMISSION, COMMISSION_DUE, INDIVIDUALS, aware("PT25H"))),
                arguments("PDPA s26D(1): 3 calendar days after the day it was first assessed notifiable", CN,
                        suspected().assessed(500, "SG").determined(COMMISSION, Instant.parse("2026-03-03T15:59:00Z"))
                                .evaluatedAt(aware("P2D")),
                        Map.of(ASSESS, ASSESS_DUE, COMMISSION, Instant.parse("2026-03-06T16:00:00Z"))),
                arguments("PDPA s26D(1): the day is Singapore's: 16:00 UTC is already the next day", CN,
                        suspected().assessed(500, "SG").determined(COMMISSION, Instant.parse("2026-03-03T16:00:00Z")),
                        Map.of(ASSESS, ASSESS_DUE, COMMISSION, Instant.parse("2026-03-07T16:00:00Z"))),
                arguments("PDPA s26B: 499 people, not sensitive", CN, suspected().assessed(499, "SG"), Map.of(ASSESS, ASSESS_DUE)),
                arguments("PDPA s26C: 1000 Malaysians", CN, suspected().assessed(1000, "MY"), Map.of()),
                arguments("PDPA s26C(1): aware before 1 February 2021", CN,
                        suspected().awareAt(Instant.parse("2021-01-20T08:00:00Z")).assessed(1000, "SG")
                                .evaluatedAt(Instant.parse("2021-02-03T08:00:00Z")), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansPdpaNotices(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, "sg-pdpa")).isEqualTo(expected);
    }

    static Stream<Arguments> grounds() {
        return Stream.of(
                arguments("PDPA s26C(2): the assessment cannot be waived", ASSESS, List.of()),
                arguments("PDPA s26D(1): the Commission's notice cannot be waived", COMMISSION, List.of()),
                arguments("PDPA s26D(5)-(7): remedial action, technological protection, law enforcement, Commission",
                        INDIVIDUALS, List.of("remedial-action", "technological-protection", "law-enforcement-instruction",
                                "commission-direction", "commission-waiver")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grounds")
    void waiverGrounds(String name, String obligationId, List<String> expected) {
        assertThat(Plans.groundIds(CN, suspected().assessed(3, "SG").sensitive(), "sg-pdpa").get(obligationId))
                .isEqualTo(expected);
    }

    @Test
    void s26CIsAnInternalAssessment() {
        PlannedObligation assess = Plans.obligation(CN.withHomeJurisdictions("SG"), suspected(), ASSESS);

        assertThat(assess.kind()).isEqualTo(ObligationKind.ASSESSMENT);
        assertThat(assess.recipient()).isEqualTo("internal");
    }
}
