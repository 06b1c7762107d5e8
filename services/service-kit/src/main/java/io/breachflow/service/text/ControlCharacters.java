package io.breachflow.service.text;

import java.util.OptionalInt;

/**
 * C0 (U+0000–U+001F, U+007F) and C1 (U+0080–U+009F) control characters, except tab and line feed.
 * <p>
 * Why: PostgreSQL refuses U+0000 in {@code text} and {@code jsonb}, so one NUL in a title made the dashboard refuse
 * the row and dead-letter every later event of that incident (issue 10). The other controls are no better on a
 * board, in a log line or a terminal (escape sequences). Tab and line feed are kept: notes have lines.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    public static boolean isControl(int c) {
        return c != '\t' && c != '\n' && (c <= 0x1f || (c >= 0x7f && c <= 0x9f));
    }

    /** The text without its control characters; the same instance when it has none (the common case). */
    public static String strip(String text) {
        if (text == null || firstIn(text).isEmpty()) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.chars().filter(c -> !isControl(c)).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    /** The index of the first control character, if the text has one. */
    public static OptionalInt firstIn(String text) {
        if (text != null) {
            for (int i = 0; i < text.length(); i++) {
                if (isControl(text.charAt(i))) {
                    return OptionalInt.of(i);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** E.g. {@code "U+0000"}: how a refusal names the character without printing it. */
    public static String name(char c) {
        return String.format("U+%04X", (int) c);
    }
}
