package io.breachflow.workflow.audit;

import io.breachflow.service.problem.ProblemException;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where a reader of the event-store feed stands: the highest global index it has read and the lower indexes it has
 * not seen yet because their transactions had not committed when it read past them (Axon's gaps). Written
 * {@code <index>} or {@code <index>~<gap>.<gap>...}; a reader passes back what the last page answered, so an event
 * that commits late under a lower index is still delivered once. Absent: from the beginning of the store.
 */
final class FeedCursor {

    /** Axon keeps gaps only within a bounded window; more than this is not a cursor the feed gave out. */
    static final int MAX_GAPS = 10_000;

    private FeedCursor() {
    }

    static String format(TrackingToken token) {
        if (!(token instanceof GapAwareTrackingToken gapAware)) {
            return null;
        }
        String gaps = gapAware.getGaps().stream().map(String::valueOf).collect(Collectors.joining("."));
        return gaps.isEmpty() ? Long.toString(gapAware.getIndex()) : gapAware.getIndex() + "~" + gaps;
    }

    /**
     * The global index of the event whose token is {@code current}, read right after {@code previous}: the token's
     * index when it moved forward, else the gap the event filled (a token's position is its highest index, which is
     * not the event's own when the event committed late under a lower one).
     */
    static long indexOf(TrackingToken previous, TrackingToken current) {
        GapAwareTrackingToken now = (GapAwareTrackingToken) current;
        if (!(previous instanceof GapAwareTrackingToken before) || now.getIndex() > before.getIndex()) {
            return now.getIndex();
        }
        return before.getGaps().stream().filter(gap -> !now.getGaps().contains(gap)).findFirst()
                .orElseThrow(() -> new IllegalStateException("a tracked event that neither advanced nor filled a gap"));
    }

    /** The token the cursor stands for; null (the beginning) for an absent cursor; 400 for a malformed one. */
    static GapAwareTrackingToken parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts = cursor.strip().split("~", -1);
        if (parts.length > 2) {
            throw malformed("more than one '~'");
        }
        long index = number(parts[0]);
        SortedSet<Long> gaps = new TreeSet<>();
        if (parts.length == 2) {
            String[] listed = parts[1].split("\\.", -1);
            if (listed.length > MAX_GAPS) {
                throw malformed("more than " + MAX_GAPS + " gaps");
            }
            for (String gap : listed) {
                long value = number(gap);
                if (value >= index) {
                    throw malformed("a gap at or after the cursor's index");
                }
                gaps.add(value);
            }
        }
        return GapAwareTrackingToken.newInstance(index, gaps);
    }

    private static long number(String text) {
        if (text.isEmpty() || text.length() > 19 || !text.chars().allMatch(Character::isDigit)) {
            throw malformed("not a non-negative whole number where one belongs");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw malformed("a number too large");
        }
    }

    private static ProblemException malformed(String why) {
        return ProblemException.badRequest("malformed-cursor", "Malformed cursor",
                "after must be a cursor this feed gave out (<index> or <index>~<gap>.<gap>...): " + why);
    }
}
