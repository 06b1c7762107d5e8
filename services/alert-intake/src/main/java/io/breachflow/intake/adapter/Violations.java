package io.breachflow.intake.adapter;

import io.breachflow.service.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with a payload, each message naming its field ({@code alerts[1].startsAt is missing}),
 * so that a sender learns of every problem at once and nothing is published until none is left.
 */
public final class Violations {

    /** Bounds the answer to a payload with thousands of bad alerts. */
    static final int MAX_REPORTED = 20;

    private final List<String> messages = new ArrayList<>();
    private int total;

    public void add(String message) {
        total++;
        if (messages.size() < MAX_REPORTED) {
            messages.add(message);
        }
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** How many violations were found so far, to tell whether one more step added any. */
    public int count() {
        return total;
    }

    /** Rejects the request with a 400 problem if anything was found. */
    public void throwIfAny() {
        if (isEmpty()) {
            return;
        }
        String detail = total == 1 ? messages.get(0)
                : total + " problems in the payload, first: " + messages.get(0);
        List<String> errors = new ArrayList<>(messages);
        if (total > messages.size()) {
            errors.add("... and " + (total - messages.size()) + " more");
        }
        throw ProblemException.invalid(detail, errors);
    }

    /** Rejects the request with a single problem at once, when nothing else can be checked without it. */
    public static ProblemException single(String message) {
        return ProblemException.invalid(message, List.of(message));
    }
}
