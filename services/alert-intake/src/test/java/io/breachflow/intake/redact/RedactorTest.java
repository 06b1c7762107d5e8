package io.breachflow.intake.redact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Realistic alert text with personal data in it, and text that must stay as it is. */
class RedactorTest {

    @Test
    void canRedactAWazuhFullLog() {
        String fullLog = "Nov 30 03:12:45 crm-app-02 crm[2211]: export by user=zhang.wei@example.cn id_no=44030419900307123X"
                + " mobile=13800138000 rows=12000 src=10.20.30.41 table=crm.customers";
        assertThat(Redactor.redact(fullLog)).isEqualTo(
                "Nov 30 03:12:45 crm-app-02 crm[2211]: export by user=[redacted:email] id_no=[redacted:id-number]"
                        + " mobile=[redacted:phone] rows=12000 src=10.20.30.41 table=crm.customers");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "e-mail | Password reset for alice.o'neil+crm@mail.example.co.uk failed 5 times | Password reset for [redacted:email] failed 5 times",
            "e-mail upper case | Login of BOB@EXAMPLE.COM | Login of [redacted:email]",
            "PRC ID, X check | 身份证号 11010519491231002X 已泄露 | 身份证号 [redacted:id-number] 已泄露",
            "PRC ID, lower-case x | id 11010519491231002x | id [redacted:id-number]",
            "PRC ID, digit check | holder 320106198511110012, | holder [redacted:id-number],",
            "CN mobile | 手机号13912345678在黑名单 | 手机号[redacted:phone]在黑名单",
            "E.164 | call +8613800138000 or +4930123456 | call [redacted:phone] or [redacted:phone]",
            "bank card, spaced | card 4111 1111 1111 1111 charged | card [redacted:bank-card] charged",
            "bank card, UnionPay 19 | pan=6212260200000000006 | pan=[redacted:bank-card]",
            "bank card, dashed | 6228-4800-1234-5678-903 | [redacted:bank-card]",
            "SSN | SSN 078-05-1120 in export | SSN [redacted:ssn] in export",
    })
    void canRedact(String kind, String text, String redacted) {
        assertThat(Redactor.redact(text)).isEqualTo(redacted);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "IPv4 and hosts | 12000 rows of crm.customers read from 10.1.2.3 by pg-customers-01:9187",
            "18 digits, wrong check | order 110105194912310021 shipped",
            "16 digits failing Luhn | trace 4111111111111112",
            "epoch millis | at 1700000000000 and 1732939200123",
            "timestamps | 2024-05-14T09:12:31.504Z until 2024-05-14 09:13",
            "SSN never issued | ticket 000-12-3456 and 666-12-3456 and 900-12-3456",
            "short number | 12000 rows, port 5432, pid 12345678",
            "version and uuid | v1.2.3 0b9c5b9e-61a4-3b7e-9a0c-3c8a51f4a1d2",
            "12 digits after 1 | id 1381234567890 is no phone",
    })
    void canKeep(String kind, String text) {
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void canKeepNullAndEmpty() {
        assertThat(Redactor.redact(null)).isNull();
        assertThat(Redactor.redact("")).isEmpty();
    }

    @Test
    void canRedactHugeHostileTextInLinearTime() {
        String hostile = "a".repeat(500_000) + "@" + "b".repeat(500_000) + " " + "1 ".repeat(200_000) + "+".repeat(100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Redactor.redact(hostile));
    }
}
