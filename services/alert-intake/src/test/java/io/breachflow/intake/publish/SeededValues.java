package io.breachflow.intake.publish;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Unique, valid personal data to seed into payloads: the n-th e-mail address, Chinese mobile number, PRC ID number
 * (GB 11643 check character) and bank card number (Luhn). Computed here, not by the redactor's own checks, so
 * that a test built on them does not share the code under test.
 */
final class SeededValues {

    enum Kind { EMAIL, PHONE, ID_NUMBER, BANK_CARD }

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private SeededValues() {
    }

    /**
     * The n-th value as people also write it: the e-mail address in upper case, numbers in groups (phone 3-4-4 with
     * spaces, ID number 6-8-4 with spaces, card 4-4-4-4 with dashes).
     */
    static String spelled(Kind kind, int n) {
        String value = of(kind, n);
        return switch (kind) {
            case EMAIL -> value.toUpperCase(Locale.ROOT);
            case PHONE -> value.substring(0, 3) + " " + value.substring(3, 7) + " " + value.substring(7);
            case ID_NUMBER -> value.substring(0, 6) + " " + value.substring(6, 14) + " " + value.substring(14);
            case BANK_CARD -> String.join("-", value.substring(0, 4), value.substring(4, 8), value.substring(8, 12), value.substring(12));
        };
    }

    static String of(Kind kind, int n) {
        return switch (kind) {
            case EMAIL -> "leak" + n + ".probe@mail" + n + ".example.com";
            case PHONE -> String.format("139%08d", 10_000_000 + n * 37);
            case ID_NUMBER -> idNumber(n);
            case BANK_CARD -> cardNumber(n);
        };
    }

    /** Born on the n-th day after 1950-01-01 in Beijing Dongcheng, sequence n; the check character of GB 11643. */
    static String idNumber(int n) {
        LocalDate born = LocalDate.of(1950, 1, 1).plusDays(n);
        String body = "110101" + String.format("%04d%02d%02d%03d", born.getYear(), born.getMonthValue(),
                born.getDayOfMonth(), n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A 16-digit UnionPay-like number, 622202 and n, with its Luhn check digit. */
    static String cardNumber(int n) {
        String body = "622202" + String.format("%09d", 100_000_000 + n * 7);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int digit = body.charAt(body.length() - 1 - i) - '0';
            // The check digit will be rightmost, so the body's last digit is doubled.
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return body + (char) ('0' + (10 - sum % 10) % 10);
    }

    /**
     * What must not be found: an e-mail address case-folded, a number as its digits alone (whatever separates them);
     * an ID number without its check character, which may be an X.
     */
    static String folded(Kind kind, String value) {
        return switch (kind) {
            case EMAIL -> value.toLowerCase(Locale.ROOT);
            case ID_NUMBER -> digitsOnly(value).substring(0, 17);
            case PHONE, BANK_CARD -> digitsOnly(value);
        };
    }

    /** The text's decimal digits (of any script) as ASCII, everything else left out. */
    static String digitsOnly(String text) {
        StringBuilder digits = new StringBuilder();
        text.codePoints().filter(Character::isDigit).forEach(c -> digits.append((char) ('0' + Character.digit(c, 10))));
        return digits.toString();
    }
}
