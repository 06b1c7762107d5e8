package io.breachflow.intake.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.intake.adapter.AlertAdapter;
import io.breachflow.intake.adapter.AlertAdapters;
import io.breachflow.intake.adapter.PayloadJson;
import io.breachflow.intake.auth.SourceAuthenticator;
import io.breachflow.intake.limit.IntakeQuotas;
import io.breachflow.intake.publish.DetectionPublisher;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/alerts/{source}}: the webhook every alerting system calls. Checks, in order, the source
 * (404), the size (413), the sender (401, {@link SourceAuthenticator}, on the raw bytes before anything parses
 * them), the source's quota (429, {@link IntakeQuotas}), the content type (415), the JSON (400), the payload (400,
 * by the source's {@link AlertAdapter}), the number of alerts (413) and the quota again for all of them (429); then
 * publishes all detections and answers 202 only after Kafka acknowledged each
 * (503 otherwise). Every refusal happens before the first record is sent, so a refused request leaves no trace.
 */
@Path("/v1/alerts")
@Tag(name = "Alert intake", description = "Webhooks of alerting systems")
public class AlertResource {

    private static final Pattern SOURCE_NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    @Inject
    AlertAdapters adapters;
    @Inject
    SourceAuthenticator authenticator;
    @Inject
    DetectionPublisher publisher;
    @Inject
    IntakeQuotas quotas;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;
    @ConfigProperty(name = "breachflow.intake.max-body-bytes", defaultValue = "1048576")
    int maxBodyBytes;

    @POST
    @Path("/{source}")
    @Operation(summary = "Receive an alerting system's webhook",
            description = "One detection per alert, published to breach.detections.v1. 202 only after Kafka"
                    + " acknowledged every detection; a retried alert gets the same detection id.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "alertmanager", summary = "Alertmanager webhook, payload version 4",
                    value = AlertApiExamples.ALERTMANAGER_WEBHOOK)))
    @APIResponse(responseCode = "202", description = "Accepted: every detection is durably on Kafka",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AcceptedAlerts.class),
                    examples = @ExampleObject(name = "accepted", value = AlertApiExamples.ACCEPTED)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or an invalid payload; the detail names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = AlertApiExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "Not authenticated (missing or wrong bearer token, bad, stale or"
            + " replayed Standard Webhooks signature); the detail names which, WWW-Authenticate gives the scheme",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown source; the detail lists the known ones",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than breachflow.intake.max-body-bytes, or more alerts"
            + " than breachflow.intake.max-detections-per-request; nothing was published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The source used up its quota (breachflow.intake.quota.<source>.rate"
            + " and .burst); retry after Retry-After seconds. Nothing was published",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Content type other than application/json or application/*+json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Blocking // reads the body and sends on a worker thread; the acknowledgements are awaited without one
    public CompletionStage<Response> receive(
            @Parameter(description = "The alerting system", example = "alertmanager") @PathParam("source") String source,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context HttpHeaders headers,
            InputStream body) throws JsonProcessingException {
        AlertAdapter adapter = adapters.find(source).orElseThrow(() -> unknownSource(source));
        byte[] raw = RequestBodies.read(body, maxBodyBytes);
        SourceAuthenticator.Authenticated sender = authenticator.authenticate(adapter.source(), headers, raw);
        Instant receivedAt = clock.instant();
        CompletableFuture<List<Detection>> published;
        try {
            // After authentication, so that nobody but the source can use up its quota; before parsing, so that a
            // flood past its quota costs little.
            quotas.requireTokens(adapter.source());
            RequestBodies.requireJson(contentType);
            List<Detection> adapted = adapter.toDetections(PayloadJson.parse(raw), raw, receivedAt, lowerCaseHeaders(headers));
            quotas.admit(adapter.source(), adapted.size());
            published = publisher.publishAsync(adapter.source(), adapted);
        } catch (RuntimeException | JsonProcessingException refused) {
            sender.reject();
            throw refused;
        }
        return published.handle((detections, failure) -> {
            if (failure != null) {
                sender.reject();
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                throw cause instanceof RuntimeException unchecked ? unchecked : new CompletionException(cause);
            }
            metrics.counter("breachflow.intake.alerts.accepted", "source", adapter.source()).increment(detections.size());
            // The answer lists the detections as published (pseudonymous ids), not as the adapter made them.
            // No @Produces: a sender's odd Accept header must not turn a durable alert into a 406.
            return Response.accepted(AcceptedAlerts.of(detections)).type(MediaType.APPLICATION_JSON_TYPE).build();
        });
    }

    /** The request headers by lower-case name (first value), for adapters that read them (CloudEvents binary mode). */
    private static Map<String, String> lowerCaseHeaders(HttpHeaders headers) {
        Map<String, String> byName = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                byName.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return byName;
    }

    private ProblemException unknownSource(String source) {
        // Echoed only when it looks like a source name: the path is the sender's free text.
        String named = SOURCE_NAME.matcher(source).matches() ? "unknown alert source '" + source + "'" : "unknown alert source";
        return ProblemException.notFound(named + "; known sources: " + String.join(", ", adapters.sources()));
    }
}
