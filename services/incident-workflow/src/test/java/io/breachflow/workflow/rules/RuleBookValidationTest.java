package io.breachflow.workflow.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Broken rule files (src/test/resources/rules-broken/&lt;case&gt;) fail the load with a message that names the file
 * and the field, as the service's startup would.
 */
class RuleBookValidationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-field             | pipl/2021-11-01.json | rules[0].deadline
            bad-duration              | pipl/2021-11-01.json | rules[0].clock.duration: '24 hours' is not an ISO-8601 duration
            missing-citation          | pipl/2021-11-01.json | rules[0].citation: missing
            unknown-kind              | pipl/2021-11-01.json | rules[0].kind
            wrong-version             | pipl/2021-11-01.json | must be named pipl/2021-11-02.json
            incomplete-operator-clock | cac/2025-11-01.json  | rules[0].clock.byOperatorClass: missing [CRITICAL_INFORMATION_INFRASTRUCTURE]
            missing-file              | pipl/2021-11-01.json | not on the class path
            not-json                  | pipl/2021-11-01.json | not valid JSON at line
            missing-ground-citation   | pipl/2021-11-01.json | rules[0].waiverGrounds[0].citation: missing
            ground-given-twice-differently | pipl/2021-11-01.json | rules[1].waiverGrounds[0].id: 'g' is already a different ground at rules[0].waiverGrounds[0]
            unknown-waiver-ground     | pipl/2021-11-01.json | rules[0].when.waiverGround: 'nowhere' is not a waiver ground of any rule in this set
            waiver-start-without-ground | pipl/2021-11-01.json | rules[0].clock.start: 'waiver' needs the rule's when.waiverGround
            two-recipients            | pipl/2021-11-01.json | rules[0]: give exactly one of recipient and recipientByOperatorClass
            incomplete-recipient-by-class | pipl/2021-11-01.json | rules[0].recipientByOperatorClass: missing [CRITICAL_INFORMATION_INFRASTRUCTURE]
            calendar-days-and-duration | pipl/2021-11-01.json | rules[0].clock: give exactly one of duration, byOperatorClass and calendarDays
            """)
    void aBrokenRuleFileFailsTheLoadNamingFileAndField(String brokenCase, String file, String problem) {
        assertThatThrownBy(() -> RuleBook.fromClassPath("rules-broken/" + brokenCase + "/index.json"))
                .isInstanceOf(RuleBookException.class)
                .hasMessageContaining(file)
                .hasMessageContaining(problem);
    }
}
