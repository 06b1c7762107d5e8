package io.breachflow.intake.redact;

/**
 * Folds characters that people and input methods use in place of ASCII digits, signs and separators onto ASCII, one
 * character for one, so that the rules see {@code １３９－００００} as {@code 139-0000} and a match found in the folded
 * text has the same offsets in the original. (NFKC would do the full-width part too, but it may change the length
 * of a text, and then an offset found in the normalised text no longer points at the original.)
 */
final class LookAlikes {

    private LookAlikes() {
    }

    /** The text with look-alikes folded; always the same length as {@code text}. */
    static char[] folded(String text) {
        char[] view = text.toCharArray();
        for (int i = 0; i < view.length; i++) {
            view[i] = folded(view[i]);
        }
        return view;
    }

    static char folded(char c) {
        if (c < 0x80) {
            return c;
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0); // full-width ASCII: digits, letters, ＋ ＠ － （ ） ． ＿
        }
        if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
            return (char) ('0' + Character.digit(c, 10)); // Arabic-Indic, Devanagari, ... digits
        }
        return switch (c) {
            case '\u3000', '\u00A0', '\u2007', '\u2009', '\u202F' -> ' ';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63' -> '-';
            case '\u3002', '\uFF61' -> '.'; // ideographic full stops, which IDNA reads as dots between labels
            case '\uFE6B' -> '@';
            case '\uFE62' -> '+';
            default -> c;
        };
    }
}
