package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.IncidentGrade;
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

/** GDPR Art. 33 (72 h), Art. 34 (high risk) and the public communication of Art. 34(3)(c): only with an EEA link. */
class GdprRulesTest {

    private static final String ART33 = "gdpr/art33-supervisory-authority";
    private static final String ART34 = "gdpr/art34-data-subjects";
    private static final String PUBLIC = "gdpr/art34-3c-public-communication";
    private static final OrganisationProfile CN = OrganisationProfile.defaults();

    static Stream<Arguments> cases() {
        // Facts.assessed(...) assesses one hour after awareness; Art. 34's clock starts there.
        return Stream.of(
                arguments("GDPR Art. 3: Chinese organisation, not assessed", CN, suspected(), Map.of()),
                arguments("GDPR Art. 3: Chinese subjects only", CN, suspected().assessed(1000, "CN"), Map.of()),
                arguments("GDPR Art. 3: US subjects only, sensitive", CN, suspected().assessed(1000, "US").sensitive(), Map.of()),
                arguments("GDPR Art. 33(1): German subjects", CN, suspected().assessed(1000, "CN", "DE"), Map.of(ART33, aware("PT72H"))),
                arguments("GDPR Art. 33(1): subjects in the EU", CN, suspected().assessed(1000, "EU"), Map.of(ART33, aware("PT72H"))),
                arguments("GDPR Art. 33(1): lower-case code", CN, suspected().assessed(1000, "fr"), Map.of(ART33, aware("PT72H"))),
                arguments("GDPR Art. 33(1), EEA Agreement: Norwegian subjects", CN, suspected().assessed(1000, "NO"),
                        Map.of(ART33, aware("PT72H"))),
                arguments("GDPR Art. 33(1), EEA Agreement: Icelandic subjects", CN, suspected().assessed(1000, "IS"),
                        Map.of(ART33, aware("PT72H"))),
                arguments("GDPR Art. 33(1), EEA Agreement: established in Liechtenstein", CN.withHomeJurisdictions("LI"),
                        suspected(), Map.of(ART33, aware("PT72H"))),
                arguments("GDPR Art. 33(1): established in Germany, not yet assessed", CN.withHomeJurisdictions("DE"),
                        suspected(), Map.of(ART33, aware("PT72H"))),
                arguments("GDPR Art. 34(1): sensitive data, high risk", CN, suspected().assessed(10, "IE").sensitive(),
                        Map.of(ART33, aware("PT72H"), ART34, aware("PT25H"))),
                arguments("GDPR Art. 34(1): minors' data, high risk", CN, suspected().assessed(10, "IE").minors(),
                        Map.of(ART33, aware("PT72H"), ART34, aware("PT25H"))),
                arguments("GDPR Art. 34(1): graded major, high risk", CN, suspected().assessed(10, "IE").graded(IncidentGrade.MAJOR),
                        Map.of(ART33, aware("PT72H"), ART34, aware("PT25H"))),
                arguments("GDPR Art. 34(1): graded relatively major, no high risk", CN,
                        suspected().assessed(10, "IE").graded(IncidentGrade.RELATIVELY_MAJOR), Map.of(ART33, aware("PT72H"))),
                arguments("GDPR Art. 34(3)(c): a waiver for disproportionate effort brings the public communication", CN,
                        suspected().assessed(10, "IE").sensitive().waived(ART34, "art34-3-c", aware("PT30H")),
                        Map.of(ART33, aware("PT72H"), ART34, aware("PT25H"), PUBLIC, aware("PT54H"))),
                arguments("GDPR Art. 34(3)(a): a waiver for encryption brings nothing", CN,
                        suspected().assessed(10, "IE").sensitive().waived(ART34, "art34-3-a", aware("PT30H")),
                        Map.of(ART33, aware("PT72H"), ART34, aware("PT25H"))),
                arguments("GDPR Art. 34(3)(c): the same ground id in another rule set does not count", CN,
                        suspected().assessed(10, "IE").sensitive().waived("pipl/art57-individuals", "art34-3-c", aware("PT30H")),
                        Map.of(ART33, aware("PT72H"), ART34, aware("PT25H"))),
                arguments("GDPR Art. 99(2): aware before 25 May 2018", CN,
                        suspected().awareAt(Instant.parse("2018-05-20T08:00:00Z")).assessed(10, "DE"), Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansArts33And34(String name, OrganisationProfile profile, Facts facts, Map<String, Instant> expected) {
        assertThat(Plans.dueTimes(profile, facts, "gdpr")).isEqualTo(expected);
    }

    static Stream<Arguments> grounds() {
        return Stream.of(
                arguments("GDPR Art. 33(1): unlikely to result in a risk", ART33, List.of("unlikely-to-result-in-risk")),
                arguments("GDPR Art. 34(3)(a)-(c): protected, subsequent measures, disproportionate effort", ART34,
                        List.of("art34-3-a", "art34-3-b", "art34-3-c")),
                arguments("GDPR Art. 34(3)(c): the public communication itself cannot be waived", PUBLIC, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grounds")
    void waiverGrounds(String name, String obligationId, List<String> expected) {
        Facts waivedForEffort = suspected().assessed(10, "IE").sensitive().waived(ART34, "art34-3-c", aware("PT30H"));

        assertThat(Plans.groundIds(CN, waivedForEffort, "gdpr").get(obligationId)).isEqualTo(expected);
    }

    @Test
    void thePublicCommunicationIsAddressedToThePublic() {
        Facts waivedForEffort = suspected().assessed(10, "IE").sensitive().waived(ART34, "art34-3-c", aware("PT30H"));

        assertThat(Plans.obligation(CN, waivedForEffort, PUBLIC).recipient()).isEqualTo("the public (public communication)");
    }
}
