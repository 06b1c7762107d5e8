package io.breachflow.service.problem;

import java.util.List;

/**
 * Thrown to answer a request with a problem; {@link ProblemExceptionMapper} turns it into the response.
 * The factory methods name the common cases so that every service words them alike.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String slug, String title, String detail) {
        return new ProblemException(Problem.of(400, slug, title, detail));
    }

    public static ProblemException invalid(String detail, List<String> violations) {
        return new ProblemException(Problem.of(400, "invalid-request", "The request is not valid", detail).withErrors(violations));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(Problem.of(409, slug, title, detail));
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "unavailable", "Temporarily unavailable", detail));
    }
}
