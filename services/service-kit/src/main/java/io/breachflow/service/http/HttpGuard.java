package io.breachflow.service.http;

import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.SafeReason;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first route of every service: refuses, as {@code application/problem+json}, what no endpoint should see
 * (issue 10):
 * <ul>
 *   <li>a {@code Host} not in {@code breachflow.http.allowed-hosts} (default: localhost, 127.0.0.1, ::1 and
 *       {@code quarkus.http.host}): 421; the health probes are exempt, orchestrators call them by address;</li>
 *   <li>a request target longer than {@code breachflow.http.max-uri-length} (default 4096): 414;</li>
 *   <li>a bad percent-escape, or a control character in the decoded path or a query parameter: 400;</li>
 *   <li>a {@code Content-Length} over {@code quarkus.http.limits.max-body-size} (Quarkus' default 10M): 413.</li>
 * </ul>
 * And it answers the HTTP layer's own failures (a route that failed, Vert.x' 400/404/405/413/500) with a problem
 * instead of an empty body; a client that hung up mid-request is logged at DEBUG only, and not answered. Refusals by JAX-RS resources are made by the problem package's mappers.
 * <p>
 * Limits: Quarkus' root handler checks the target with {@code java.net.URI} before any route and answers a
 * malformed one (a bad percent-escape such as {@code %zz}) with an empty 400 itself; the only switch is the JVM flag
 * {@code vertx.disableURIValidation}, which Quarkus' maintainers call unfit for production (quarkusio/quarkus#37804),
 * so the escape check here is a second line only. And a request line longer than {@code quarkus.http.limits.max-initial-line-length} (set above the URI limit) or
 * headers over {@code quarkus.http.limits.max-header-size} are refused by Vert.x' HTTP decoder itself, before any
 * route, with an empty 414/431 and the connection closed.
 */
@Singleton
public class HttpGuard {

    private static final Logger LOG = Logger.getLogger(HttpGuard.class);

    /** After Quarkus' header route (so its headers are on our refusals too), before its own body-size check (-2). */
    static final int ORDER = Integer.MIN_VALUE + 100;
    /** Failures answered here; 401 and 403 are left to the security layer, which adds its challenge. */
    private static final Set<Integer> SECURITY = Set.of(401, 403);

    @ConfigProperty(name = "breachflow.http.allowed-hosts")
    Optional<List<String>> allowedHosts;

    @ConfigProperty(name = "quarkus.http.host", defaultValue = "")
    String httpHost;

    @ConfigProperty(name = "breachflow.http.max-uri-length", defaultValue = "4096")
    int maxUriLength;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    private HostAllowList hosts;

    void install(@Observes Router router) {
        hosts = new HostAllowList(allowedHosts.orElse(List.of()), httpHost);
        router.route().order(ORDER).handler(this::check).failureHandler(this::failed);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String target = request.uri();
        if (!request.path().startsWith("/q/health") && !hosts.allows(host(request))) {
            HttpProblems.answer(context, Problem.of(421, "misdirected-request", "Misdirected request",
                    "this service does not answer to the host the Host header names; call it by an allowed name"
                            + " (breachflow.http.allowed-hosts)"));
            return;
        }
        if (target.length() > maxUriLength) {
            HttpProblems.answer(context, Problem.of(414, "uri-too-long", "URI too long",
                    "the request target is " + target.length() + " characters long; at most " + maxUriLength
                            + " are accepted"));
            return;
        }
        Optional<String> refusal = RequestLine.refusal(target);
        if (refusal.isPresent()) {
            HttpProblems.answer(context, Problem.of(400, "bad-request-target", "The path or query is not valid",
                    refusal.get()));
            return;
        }
        long length = contentLength(request);
        if (length > maxBodySize.asLongValue()) {
            HttpProblems.answer(context, Problem.of(413, "payload-too-large", "Payload too large",
                    "the body is " + length + " bytes long; at most " + maxBodySize.asLongValue() + " are accepted"));
            return;
        }
        context.next();
    }

    /** A route failed outside JAX-RS (or Vert.x refused the request): a problem, never an empty body. */
    private void failed(RoutingContext context) {
        int status = context.statusCode() < 400 ? 500 : context.statusCode();
        if (SECURITY.contains(status) || context.response().ended()) {
            context.next();
            return;
        }
        if (ClientDisconnects.isClientGone(context.response(), context.failure())) {
            // The sender hung up mid-request: nothing to answer, and nothing wrong here (issue 13).
            LOG.debugf("%s %s: the client hung up (%s)", context.request().method(), context.request().path(),
                    SafeReason.of(context.failure()));
            if (!context.response().closed()) {
                context.response().reset();   // whatever is left of the connection: nobody reads an answer
            }
            return;
        }
        if (status >= 500 && context.failure() != null) {
            LOG.errorf("%s %s failed: %s", context.request().method(), context.request().path(), SafeReason.of(context.failure()));
        }
        HttpProblems.answer(context, switch (status) {
            case 400 -> Problem.of(400, "bad-request", "Bad request", "the request is not valid HTTP for this service");
            case 404 -> Problem.of(404, "not-found", "Not found", "nothing is served at this path");
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed", "this path does not take this method");
            case 413 -> Problem.of(413, "payload-too-large", "Payload too large",
                    "the body is larger than " + maxBodySize.asLongValue() + " bytes, the most accepted");
            default -> status >= 500
                    ? Problem.of(status, "internal-error", "Internal error", "the service failed to answer; the failure is logged")
                    : Problem.of(status, "http-" + status, "HTTP " + status, "the request was refused (HTTP " + status + ")");
        });
    }

    private static String host(HttpServerRequest request) {
        String host = request.getHeader("Host");
        if (host == null && request.authority() != null) {
            host = request.authority().toString(); // HTTP/2: :authority
        }
        return host;
    }

    private static long contentLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP decoder refuses it
        }
    }
}
