package io.breachflow.intake.redact;

import io.breachflow.contracts.detection.Detection;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in an alert's free text (title, description) with {@code [redacted:<kind>]} before it
 * becomes part of a detection (DESIGN §5: keep personal data out of events). One call:
 * {@code Redactor.redact(text)}.
 *
 * <p>Kinds, in the order they are applied: {@code email}; {@code id-number} (PRC resident identity number,
 * 18 characters, only when its GB 11643 check character is right); {@code bank-card} (15 to 19 digits, spaces or
 * dashes allowed between them, only when the Luhn check passes — 13- and 14-digit numbers are left alone
 * because epoch milliseconds look like them); {@code phone} (E.164 {@code +} and 8 to 15 digits, and Chinese
 * mobile numbers {@code 1[3-9]} and 9 digits); {@code ssn} (US social security numbers written
 * {@code ddd-dd-dddd}, without the never-issued areas 000, 666 and 9xx).
 *
 * <p>Kept on purpose: IP addresses and host names. The assets of an incident are hosts, responders need them,
 * and an address of a server is not a data subject's. (A client IP in free text can be personal data; an
 * alerting rule that puts one into a description should hash it itself.)
 *
 * <p>The raw payload is never stored, only its SHA-256 ({@code payloadSha256}), which stays the evidence.
 * Every pattern has bounded repetition, so a megabyte of text costs linear time.
 */
public final class Redactor {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private static final List<Rule> RULES = List.of(
            new Rule("email", Pattern.compile(
                    "(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}\\.[A-Za-z]{2,24}(?![A-Za-z0-9-])"),
                    match -> true),
            new Rule("id-number", Pattern.compile("(?<![0-9A-Za-z])[1-9]\\d{16}[0-9Xx](?![0-9A-Za-z])"),
                    Redactor::isPrcIdNumber),
            new Rule("bank-card", Pattern.compile("(?<![0-9+-])\\d(?:[ -]?\\d){14,18}(?![0-9])"),
                    Redactor::passesLuhn),
            new Rule("phone", Pattern.compile("(?<![0-9A-Za-z+])\\+\\d{8,15}(?![0-9])"), match -> true),
            new Rule("phone", Pattern.compile("(?<![0-9])1[3-9]\\d{9}(?![0-9])"), match -> true),
            new Rule("ssn", Pattern.compile("(?<![0-9-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![0-9-])"),
                    match -> true));

    private Redactor() {
    }

    /** The text with every recognised piece of personal data replaced; null stays null. */
    /**
     * The detection with its free text (title, description) redacted. Every detection leaves the intake through
     * {@link io.breachflow.intake.publish.DetectionPublisher}, which calls this: whatever the adapter, HTTP or Kafka.
     */
    public static Detection minimised(Detection d) {
        return new Detection(d.id(), d.sourceSystem(), d.upstreamId(), d.correlationKey(), d.status(), d.harm(), d.severity(),
                redact(d.title()), redact(d.description()), d.observedAt(), d.receivedAt(), d.assets(),
                d.personalDataCategories(), d.labels(), d.payloadSha256());
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Rule rule : RULES) {
            result = rule.apply(result);
        }
        return result;
    }

    static boolean isPrcIdNumber(String candidate) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (candidate.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(candidate.charAt(17)) == ID_CHECK.charAt(sum % 11);
    }

    static boolean passesLuhn(String candidate) {
        String digits = candidate.replaceAll("[ -]", "");
        if (digits.length() < 15 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private record Rule(String kind, Pattern pattern, Predicate<String> confirms) {

        String apply(String text) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length());
            do {
                String match = matcher.group();
                matcher.appendReplacement(out, confirms.test(match)
                        ? "[redacted:" + kind + "]" : Matcher.quoteReplacement(match));
            } while (matcher.find());
            matcher.appendTail(out);
            return out.toString();
        }
    }
}
