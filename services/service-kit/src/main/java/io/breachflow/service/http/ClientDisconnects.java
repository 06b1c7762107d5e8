package io.breachflow.service.http;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerResponse;

import java.nio.channels.ClosedChannelException;

/**
 * Whether a request failed because its client hung up (a timeout on the sender's side, a crash, a proxy giving up):
 * the client's business, not a fault of the service, so it is not logged as an error and nobody is left to answer.
 * A reset shows as a plain {@code SocketException} only, so code that reads a body says so with {@link RequestBodyBroken}.
 */
final class ClientDisconnects {

    private ClientDisconnects() {
    }

    /** The connection is closed, or the failure is the connection closing or being reset under the request. */
    static boolean isClientGone(HttpServerResponse response, Throwable failure) {
        if (response.closed()) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Vert.x' own signs of the connection closing; not any SocketException, which may as well be the
            // service's own connection to its database failing, and that is an error to answer and log.
            if (cause instanceof RequestBodyBroken || cause instanceof HttpClosedException
                    || cause instanceof ClosedChannelException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
