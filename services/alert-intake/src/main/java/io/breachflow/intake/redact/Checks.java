package io.breachflow.intake.redact;

/**
 * Validity checks that keep numbers which merely look like personal data (order numbers, trace ids) in the text.
 * They see only the significant characters of a match: separators and percent-escapes ({@code %20}, {@code %2B}) are
 * not digits of the value.
 */
final class Checks {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private Checks() {
    }

    /** Digits (and an ID number's {@code X}) of a match in folded text, without percent-escapes. */
    static String significant(String match) {
        StringBuilder out = new StringBuilder(match.length());
        for (int i = 0; i < match.length(); i++) {
            char c = match.charAt(i);
            if (c == '%' && isHex(match, i + 1) && isHex(match, i + 2)) {
                i += 2;
            } else if ((c >= '0' && c <= '9') || c == 'X' || c == 'x') {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    /** A PRC resident identity number: 17 digits and the GB 11643 (ISO 7064 MOD 11-2) check character. */
    static boolean isPrcIdNumber(String match) {
        String id = significant(match);
        if (id.length() != 18 || id.substring(0, 17).indexOf('X') >= 0) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return id.charAt(17) == ID_CHECK.charAt(sum % 11);
    }

    /** A payment card number: 15 to 19 digits passing Luhn (13 and 14 digits would take epoch milliseconds too). */
    static boolean isCardNumber(String match) {
        String digits = significant(match);
        if (digits.length() < 15 || digits.length() > 19 || digits.indexOf('X') >= 0) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** An international number: 8 to 15 digits after the {@code +} or {@code 00} (E.164 allows at most 15). */
    static boolean isInternationalPhone(String match) {
        String digits = significant(match.startsWith("00") ? match.substring(2) : match);
        return digits.length() >= 8 && digits.length() <= 15 && digits.indexOf('X') < 0;
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
