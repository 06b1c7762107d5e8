package io.breachflow.intake.redact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;


import static org.assertj.core.api.Assertions.assertThat;

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
            // issue 9: spellings that used to pass
            "CN mobile, dashed | 139-0000-0208 | [redacted:phone]",
            "CN mobile, spaced | 139 0000 0209 | [redacted:phone]",
            "CN mobile, +86 spaced | tel +86 139 0000 0210 | tel [redacted:phone]",
            "CN mobile, 0086 | tel 0086 139 0000 0210 | tel [redacted:phone]",
            "CN mobile, +86 dashed | +86-139-0000-0211 | [redacted:phone]",
            "CN mobile, full-width | 手机１３９０００００２１２ | 手机[redacted:phone]",
            "CN mobile, (+86) | (+86) 13900000213 | ([redacted:phone]",
            "CN mobile, %2B86 in a URL | /cb?tel=%2B86%2013900000214&x=1 | /cb?tel=[redacted:phone]&x=1",
            "PRC ID glued to letters | ID110101199003072017 | ID[redacted:id-number]",
            "PRC ID, spaced 6-8-4 | 110101 19900307 2017 | [redacted:id-number]",
            "PRC ID, full-width | 证件１１０１０１１９９００３０７２０１７号 | 证件[redacted:id-number]号",
            "bank card, dotted | card 6222.0200.0000.0000.018 | card [redacted:bank-card]",
            "bank card, underscores | card 6222_0200_0000_0000_026 | card [redacted:bank-card]",
            "bank card, one more group after it | pan 4111 1111 1111 1111 12 | pan [redacted:bank-card] 12",
            "UK phone, spaced | call +44 20 7946 0018 now | call [redacted:phone] now",
            "US phone, parentheses | call +1 (415) 555-0132 now | call [redacted:phone] now",
            "IDN e-mail, Chinese | 联系 张三@例子.中国 | 联系 [redacted:email]",
            "IDN e-mail, umlaut | mail user@exämple.de. | mail [redacted:email].",
            "IDN e-mail, punycode | mail user@xn--exmple-cua.de | mail [redacted:email]",
            // found by RedactorGeneratedSpellingsTest
            "phone dotted like an IP | q=+33.104.169.255&x | q=[redacted:phone]&x",
            "card, then epoch ms | 4872 4534 4636 0057 1624603952191 | [redacted:bank-card] 1624603952191",
            "card %20, then timestamp | 4635%201984%201603%200549 2024-01-12T07:37:03Z | [redacted:bank-card] 2024-01-12T07:37:03Z",
            "phone, then timestamp | 0049 221 747 061 2024-09-04T08:45Z | [redacted:phone] 2024-09-04T08:45Z",
            "percent-encoded e-mail | /reset?u=user%40example.com&t=1 | /reset?u=[redacted:email]&t=1",
            "percent-encoded IDN e-mail | u=user%40ex%C3%A4mple.de | u=[redacted:email]",
            "full-width e-mail, CJK glued before it goes too | 邮箱ｕｓｅｒ＠ｅｘａｍｐｌｅ．ｃｏｍ。 | [redacted:email]。",
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
            "IPv4 next to numbers | 13.123.145.167 and 192.168.100.200 port 5432",
            "IPv6 | fe80::1ff:fe23:4567:890a and 2001:db8::8a2e:370:7334",
            "UUID with a digit run | 0b9c5139-1234-5678-9a0c-013912345678",
            "SHA-256 | sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "versions | openssl 3.0.13 kernel 5.15.0-1057-azure build 1.13.2024.0514",
            "ISO timestamp with offset | 2024-05-14T09:12:31.504+08:00 and 2024-05-14 09:13:59",
            "host names | pg-customers-01.prod.example.cn:5432 and mq-13.dc2.internal",
    })
    void canKeep(String kind, String text) {
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void canKeepNullAndEmpty() {
        assertThat(Redactor.redact(null)).isNull();
        assertThat(Redactor.redact("")).isEmpty();
    }

    /** The characters the rules' patterns read to redact {@code text}: work, counted, whatever the machine's load. */
    private static long reads(String text) {
        long[] reads = {0};
        Redactor.redact(text, folded -> new CharSequence() {
            @Override
            public int length() {
                return folded.length();
            }

            @Override
            public char charAt(int index) {
                reads[0]++;
                return folded.charAt(index);
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                return folded.subSequence(start, end);
            }

            @Override
            public String toString() {
                return folded;
            }
        });
        return reads[0];
    }

    /**
     * Linear: twice the text costs about twice the reads (a quadratic or backtracking blow-up would cost four times),
     * and a bounded number of reads per character.
     */
    private static void assertLinear(String unit, int repeats) {
        long once = reads(unit.repeat(repeats));
        long twice = reads(unit.repeat(2 * repeats));
        assertThat((double) twice / once).as("reads for twice the text, relative (%d, %d)", once, twice).isLessThan(2.2);
        assertThat(twice / (2L * repeats * unit.length())).as("reads per character").isLessThan(400);
    }

    @Test
    void canRedactHugeHostileTextInLinearTime() {
        String hostile = "a".repeat(50_000) + "@" + "b".repeat(50_000) + " " + "1 ".repeat(20_000) + "+".repeat(10_000);
        assertLinear(hostile, 1);
        assertThat(Redactor.redact(hostile)).hasSameSizeAs(hostile); // nothing in it is personal data
    }

    /**
     * Digit groups and separators in every shape the number rules accept: any quadratic or backtracking blow-up shows
     * as four times the reads for twice the text.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"1 ", "1234.", "00", "+1 (", "%20", "１", "4111-", "a%40", "139-0000-", "12345678901234567890 "})
    void canRedactNearMissesInLinearTime(String unit) {
        assertLinear(unit, 32_000 / unit.length());
    }
}
