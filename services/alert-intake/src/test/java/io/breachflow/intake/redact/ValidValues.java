package io.breachflow.intake.redact;

import java.util.Random;

/** Random values that pass the redactor's checks, so a test can be sure a miss is the spelling's fault. */
final class ValidValues {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private ValidValues() {
    }

    /** A Chinese mobile number: 1, 3 to 9, nine digits. */
    static String mobile(Random random) {
        return "1" + (3 + random.nextInt(7)) + digits(random, 9);
    }

    /** A PRC ID number with a real-looking birth date and its GB 11643 check character. */
    static String idNumber(Random random) {
        String body = (1 + random.nextInt(6)) + digits(random, 5) + (1950 + random.nextInt(60))
                + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)) + digits(random, 3);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** A 16- or 19-digit card number (Visa-, UnionPay-like) completed with its Luhn check digit. */
    static String cardNumber(Random random) {
        String body = random.nextBoolean() ? "4" + digits(random, 14) : "62" + digits(random, 16);
        for (char check = '0'; check <= '9'; check++) {
            if (Checks.isCardNumber(body + check)) {
                return body + check;
            }
        }
        throw new AssertionError("no Luhn digit for " + body);
    }

    /** A national number for a country code, 9 or 10 digits not starting with 0. */
    static String nationalNumber(Random random) {
        return (1 + random.nextInt(9)) + digits(random, 8 + random.nextInt(2));
    }

    static String digits(Random random, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
