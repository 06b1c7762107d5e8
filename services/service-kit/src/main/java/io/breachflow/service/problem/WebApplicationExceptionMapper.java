package io.breachflow.service.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.Locale;

/**
 * Gives the framework's own refusals (unknown path, wrong method, unsupported media type, unreadable body)
 * the same {@code application/problem+json} shape as Breachflow's. The detail is a sentence of ours per status, not
 * the framework's message: that one may name Java classes and methods, or quote a parameter (issue 10).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
        if (status >= 500) {
            LOG.errorf("answered %d: %s", status, SafeReason.of(exception));
        }
        return ProblemExceptionMapper.respond(Problem.of(status, slug(title), title, detail(status)));
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "a parameter or the body is not what this endpoint takes";
            case 404 -> "nothing is served at this path";
            case 405 -> "this path does not take this method";
            case 406 -> "the answer cannot be given in a media type the Accept header allows";
            case 413 -> "the body is larger than this service accepts";
            case 415 -> "the body's Content-Type is not one this endpoint reads";
            default -> status >= 500 ? "the service failed to answer; the failure is logged" : "the request was refused";
        };
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
