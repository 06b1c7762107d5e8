package io.breachflow.service.http;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reading a request's body failed: the bytes come from the client's connection only, so the client hung up or its
 * connection broke mid-request. {@link HttpGuard} logs it at DEBUG, not as an error of the service.
 */
public final class RequestBodyBroken extends UncheckedIOException {

    public RequestBodyBroken(IOException cause) {
        super("the request body could not be read: the client's connection broke", cause);
    }
}
