package io.breachflow.intake.redact;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of thing in alert text: a pattern that finds candidates in the folded text and a check that confirms them.
 * A redacting rule marks what it confirms as {@code [redacted:<kind>]}; a keeping rule ({@code kind} null) only
 * shields what it finds (UUIDs, digests) from the rules after it. Either way the span is blanked in the folded text,
 * so that no later rule sees a piece of it.
 */
record Rule(String kind, Pattern pattern, Predicate<String> confirms) {

    /** Blanks claimed spans: not a digit, letter or separator, so neighbours stay bounded as in the original. */
    static final char CLAIMED = '\u0000';

    static Rule redacting(String kind, String regex, Predicate<String> confirms) {
        return new Rule(kind, Pattern.compile(regex), confirms);
    }

    static Rule keeping(String regex) {
        return new Rule(null, Pattern.compile(regex), match -> true);
    }

    /**
     * Adds the spans this rule confirms in {@code view} to {@code spans} and blanks them in {@code view}. When a
     * candidate fails its check, shorter candidates from the same start are tried (a card followed by one more group
     * of digits is still a card), then the search goes on one character later. Each start costs at most the length
     * of the longest candidate, which the patterns bound, so the whole is linear in the text.
     */
    void claim(char[] view, List<Span> spans, Function<String, CharSequence> reading) {
        CharSequence text = reading.apply(new String(view));
        Matcher matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            int start = matcher.start();
            int end = confirmedEnd(matcher, text, start, matcher.end());
            if (end > start) {
                spans.add(new Span(start, end, kind));
                Arrays.fill(view, start, end, CLAIMED);
                from = end;
            } else {
                from = start + 1;
            }
        }
    }

    private int confirmedEnd(Matcher matcher, CharSequence text, int start, int end) {
        while (end > start) {
            if (confirms.test(text.subSequence(start, end).toString())) {
                return end;
            }
            matcher.region(start, end - 1);
            if (!matcher.lookingAt()) {
                return -1;
            }
            end = matcher.end();
        }
        return -1;
    }

    /** A claimed range of the original text; {@code kind} null means kept as it is. */
    record Span(int start, int end, String kind) {
    }
}
