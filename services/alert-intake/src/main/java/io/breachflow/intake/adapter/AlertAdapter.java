package io.breachflow.intake.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.breachflow.contracts.detection.Detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Translates one alerting system's webhook payload into {@link Detection}s: the edge where vendor formats stop
 * (DESIGN §7, they never enter the contracts).
 *
 * <p>Wiring: implementations are {@code @ApplicationScoped} CDI beans; {@link AlertAdapters} finds them by
 * {@link #source()}, which is the {@code {source}} segment of {@code POST /v1/alerts/{source}}. A new alerting
 * system is one new class, nothing else changes.
 *
 * <p>Contract: {@link #toDetections} validates the whole payload before returning anything, and throws a
 * {@link io.breachflow.service.problem.ProblemException} (400) naming the offending field otherwise, so that
 * a rejected request publishes nothing.
 */
public interface AlertAdapter {

    /** The source name, lower-case, as in the path and in {@code Detection.sourceSystem}. */
    String source();

    /**
     * @param body       the parsed request body
     * @param raw        the request body as received, hashed into {@code payloadSha256} as evidence
     * @param receivedAt when Breachflow received the request
     * @return one detection per alert in the payload, in payload order; never empty
     */
    List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt);

    /**
     * The same, for adapters that also need the request's headers (CloudEvents binary mode carries its
     * attributes in {@code ce-*} headers). Header names are lower-case; a header given several times keeps its
     * first value. Adapters that read the body only need not override this.
     *
     * @param headers the request headers, names lower-case
     */
    default List<Detection> toDetections(JsonNode body, byte[] raw, Instant receivedAt, Map<String, String> headers) {
        return toDetections(body, raw, receivedAt);
    }
}
