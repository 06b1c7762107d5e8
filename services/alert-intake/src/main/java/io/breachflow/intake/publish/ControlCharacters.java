package io.breachflow.intake.publish;

/**
 * Removes what must never reach storage from a kept text (issue 10): C0 controls except tab and line feed
 * (U+0000–U+001F: a NUL made PostgreSQL refuse the dashboard's row, so a 202-accepted CRITICAL alert never
 * appeared), DEL (U+007F) and C1 controls (U+0080–U+009F); an unpaired surrogate (not text, and not storable as
 * UTF-8) becomes U+FFFD. Applied by {@link Minimiser} before redaction, so that a control character cannot split
 * an e-mail address or an ID number out of the redactor's sight either.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** The text without control characters (tab and line feed kept); {@code null} stays {@code null}. */
    public static String stripped(String text) {
        if (text == null || clean(text)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                kept.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                kept.append('\uFFFD');
            } else if (!isControl(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
    }

    private static boolean clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
