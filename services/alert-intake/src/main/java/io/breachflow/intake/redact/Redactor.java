package io.breachflow.intake.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Replaces personal data in an alert's free text (title, description) with {@code [redacted:<kind>]} before it
 * becomes part of a detection (DESIGN §5: keep personal data out of events). One call:
 * {@code Redactor.redact(text)}; {@link io.breachflow.intake.publish.Minimiser} applies it to every text a
 * detection keeps.
 *
 * <p>The rules match a folded copy of the text ({@link LookAlikes}: full-width and other Unicode digits, full-width
 * {@code ＋ ＠ － （ ）}, ideographic and no-break spaces, Unicode dashes become ASCII), and the checks see only the
 * significant digits, so a value is recognised however it is spelt. A value may be glued to letters or CJK text
 * ({@code ID110101199003072017}, {@code 手机号13900000000在}); only a neighbouring digit stops a number, because
 * then it is part of a longer one. Separators between digit groups are a space, {@code - . _} or {@code %20}.
 * Kinds (applied in this order, except that international phone numbers go before cards, whose digit groups
 * they would otherwise lend):
 * <ul>
 * <li>{@code email}: local part, {@code @} or {@code %40}, domain; Unicode letters allowed (IDN,
 * {@code 张三@例子.中国}, {@code user@exämple.de}), percent-escapes allowed ({@code user%40ex%C3%A4mple.de}),
 * top-level domain ASCII, {@code xn--}, 2 to 6 non-ASCII letters, or percent-escaped;</li>
 * <li>{@code id-number}: PRC resident identity number, 17 digits and a check character, plain or grouped
 * 6-8-4 or 6-4-4-4, only when the GB 11643 check character is right;</li>
 * <li>{@code bank-card}: 15 to 19 digits, plain or in groups (first group 4 to 6 digits, one separator
 * throughout), only when the Luhn check passes; 13 and 14 digits are left alone because epoch milliseconds look
 * like them;</li>
 * <li>{@code phone}: international, {@code +}, {@code %2B} or {@code 00} and 8 to 15 digits in groups, with
 * parentheses ({@code +44 20 7946 0018}, {@code +1 (415) 555-0132}, {@code 0086 139 0000 0210}); Chinese mobile
 * numbers {@code 1[3-9]} and 9 digits, plain or grouped 3-4-4 ({@code 139-0000-0208}, {@code 139 0000 0209});</li>
 * <li>{@code ssn}: US social security numbers written {@code ddd-dd-dddd}, without the never-issued areas 000,
 * 666 and 9xx.</li>
 * </ul>
 *
 * <p>Kept on purpose: IP addresses and host names (the assets of an incident are hosts, responders need them,
 * and an address of a server is not a data subject's; a client IP in free text can be personal data, and an
 * alerting rule that puts one into a description should hash it itself); timestamps, epoch milliseconds and
 * version numbers (no rule's grouping fits them); IPv4 addresses, UUIDs and hex digests of 32 to 128 characters
 * are shielded before the number rules, since their digits could otherwise join a neighbouring phone number or
 * look like one.
 *
 * <p>The raw payload is never stored, only its SHA-256 ({@code payloadSha256}), which stays the evidence.
 * Every pattern has bounded repetition, so a megabyte of text costs linear time.
 */
public final class Redactor {

    /**
     * Start of a number: not after a digit, unless that digit ends a percent-escape such as {@code %20}, and not
     * inside a percent-escape (the {@code 20} of {@code %20} is no digit of a value).
     */
    private static final String NOT_AFTER_DIGIT = "(?<!(?<!%[0-9A-Fa-f])[0-9])(?<!%|%[0-9A-Fa-f])";
    /** Not a group of a number already begun ({@code 4872 4534 4636 0057}): {@code 00} there is no dialling prefix. */
    private static final String NOT_A_LATER_GROUP = "(?<![0-9][ ._-]|[0-9]%20)";
    /** Between digit groups. */
    private static final String SEP = "(?:[ ._-]|%20)";
    private static final String HEX = "[0-9A-Fa-f]";
    private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    /**
     * End of a phone or card number of variable length: not inside a run that goes on with a non-space separator and
     * a digit, so that a candidate never ends on the year of a timestamp ({@code +44 20 7946 0018 2024-05-14}).
     */
    private static final String NUMBER_END = "(?![0-9]|[-./:_][0-9])";

    /**
     * Possessive, and without {@code %40} (which is the {@code @}): the end of the local part and of each label is
     * then decided without backtracking, so a megabyte of {@code a%40a%40} costs linear time. No look-behind: an
     * address glued to more than 64 letters (CJK text has no spaces) still loses its last 64 and its domain.
     */
    private static final String EMAIL_LOCAL = "(?:[\\p{L}\\p{M}\\p{N}._+'-]|%(?!40)" + HEX + "{2}){1,64}+";
    /**
     * A domain label is all Han or has no Han: Chinese text has no spaces, and a label that could run on from
     * {@code co.uk} into {@code 在pg-01.prod.example.cn} would take the host name after the address with it.
     */
    private static final String EMAIL_LABEL = "(?:\\p{IsHan}{1,63}+|(?:[-\\p{L}\\p{M}\\p{N}&&[^\\p{IsHan}]]|%(?!40)" + HEX + "{2}){1,63}+)";
    private static final String EMAIL_TLD = "(?:xn--[A-Za-z0-9-]{1,59}|[A-Za-z]{2,24}(?![A-Za-z0-9-])"
            + "|[\\p{L}&&[^A-Za-z]]{2,6}|(?:%" + HEX + "{2}){2,24})";

    private static final List<Rule> RULES = List.of(
            Rule.redacting("email",
                    EMAIL_LOCAL + "(?:@|%40)" + EMAIL_LABEL + "(?:\\." + EMAIL_LABEL + "){0,8}\\." + EMAIL_TLD,
                    match -> true),
            Rule.keeping("(?<!" + HEX + ")" + HEX + "{8}(?:-" + HEX + "{4}){3}-" + HEX + "{12}(?!" + HEX + ")"),
            Rule.keeping("(?<![0-9A-Za-z])(?=[0-9]{0,127}[A-Fa-f])" + HEX + "{32,128}(?![0-9A-Za-z])"),
            Rule.keeping("(?<![0-9.+]|%2[Bb])" + OCTET + "(?:\\." + OCTET + "){3}(?![0-9]|\\.[0-9])"),
            Rule.redacting("id-number",
                    NOT_AFTER_DIGIT + "[1-9][0-9]{5}" + SEP + "?[0-9]{4}" + SEP + "?[0-9]{4}" + SEP + "?[0-9]{3}[0-9Xx](?![0-9])",
                    Checks::isPrcIdNumber),
            Rule.redacting("phone",
                    "(?:(?<![0-9+])\\+|%2[Bb]|" + NOT_AFTER_DIGIT + NOT_A_LATER_GROUP + "00(?=[1-9]))"
                            + "(?: |%20)?\\(?[0-9]{1,4}+\\)?(?:" + SEP + "?\\(?[0-9]{1,6}+\\)?){1,6}" + NUMBER_END,
                    Checks::isInternationalPhone),
            Rule.redacting("bank-card",
                    NOT_AFTER_DIGIT + "(?<!\\+)(?:[0-9]{15,19}|[0-9]{4,6}(?<sep>[ ._-]|%20)[0-9]{2,6}(?:\\k<sep>[0-9]{1,6}){1,4})" + NUMBER_END,
                    Checks::isCardNumber),
            Rule.redacting("phone",
                    NOT_AFTER_DIGIT + "1[3-9][0-9]" + SEP + "?[0-9]{4}" + SEP + "?[0-9]{4}(?![0-9])",
                    match -> true),
            Rule.redacting("ssn",
                    "(?<![0-9-])(?!000|666|9[0-9][0-9])[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}(?![0-9-])",
                    match -> true));

    private Redactor() {
    }

    /** The text with every recognised piece of personal data replaced; null stays null. */
    public static String redact(String text) {
        return redact(text, folded -> folded);
    }

    /**
     * {@link #redact(String)}, with the rules reading the folded text through {@code reading}: the tests count the
     * characters the patterns read, a measure of the work that no busy machine can bend (no timing in tests).
     */
    static String redact(String text, Function<String, CharSequence> reading) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char[] view = LookAlikes.folded(text);
        List<Rule.Span> spans = new ArrayList<>();
        for (Rule rule : RULES) {
            rule.claim(view, spans, reading);
        }
        spans.sort(Comparator.comparingInt(Rule.Span::start));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (Rule.Span span : spans) {
            if (span.kind() != null) {
                out.append(text, copied, span.start()).append("[redacted:").append(span.kind()).append(']');
                copied = span.end();
            }
        }
        return out.append(text, copied, text.length()).toString();
    }
}
