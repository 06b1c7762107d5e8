package io.breachflow.dashboard.api;

import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/stream}: Server-Sent Events for live views. A comment at once (so that the client's EventSource
 * opens without waiting for news), then an {@code incident} event for every incident a committed projection batch
 * changed, on this dashboard instance or any other sharing its database ({@link IncidentBroadcaster}) (data: the
 * incident as {@code GET /api/incidents} lists it; id: {@code <incident id>:<sequence>}), and a
 * {@code : heartbeat} comment every {@code breachflow.dashboard.stream.heartbeat} (15 s) so that proxies keep the
 * connection and clients notice a dead one. There is no replay: a client that (re)connects reloads the list first.
 * <p>
 * At most {@code breachflow.dashboard.stream.max-connections} (100) streams are open at once; one more is a 503
 * problem with {@code Retry-After}. Without the cap 2,000 connections were all accepted and the health probes took
 * 10–15 s (issue 10); the probes and the other endpoints do not count against it.
 */
@Path("/api/stream")
@Singleton // one count of open streams
@Tag(name = "incidents")
public class StreamResource {

    @Inject
    IncidentBroadcaster broadcaster;

    @ConfigProperty(name = "breachflow.dashboard.stream.heartbeat", defaultValue = "15s")
    Duration heartbeat;

    @ConfigProperty(name = "breachflow.dashboard.stream.max-connections", defaultValue = "100")
    int maxConnections;

    private final AtomicInteger open = new AtomicInteger();

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live incident updates (Server-Sent Events)",
            description = "Event 'incident' with the incident JSON (a list item of GET /api/incidents) after every "
                    + "committed change, whichever dashboard instance projected it; a comment every 15 s as heartbeat. "
                    + "The stream ends when updates may have been missed (a lost database notice connection, a rebuild's "
                    + "switch). Reload the list after (re)connecting.")
    @APIResponse(responseCode = "200", description = "An endless text/event-stream")
    @APIResponse(responseCode = "503", description = "breachflow.dashboard.stream.max-connections (default 100) streams"
            + " are open already; try again after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            throw ProblemException.unavailable("the dashboard streams to " + maxConnections
                    + " clients already, the most it serves at once");
        }
        Multi<OutboundSseEvent> hello = Multi.createFrom().item(() -> sse.newEventBuilder()
                .comment("connected").reconnectDelay(3_000).build());
        Multi<OutboundSseEvent> incidents = broadcaster.updates().map(update -> sse.newEventBuilder()
                .name("incident")
                .id(update.incidentId() + ":" + update.sequence())
                .mediaType(MediaType.TEXT_PLAIN_TYPE) // already JSON: written as it is
                .data(String.class, update.json())
                .build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().concatenating().streams(hello, Multi.createBy().merging().streams(incidents, heartbeats))
                // Updates may have been missed: end the response, the client reconnects and reloads the list.
                .onFailure(IncidentBroadcaster.ReloadRequested.class).recoverWithCompletion()
                .onTermination().invoke(open::decrementAndGet); // completion, failure or the client going away
    }

    /** How many streams are open now. */
    int openStreams() {
        return open.get();
    }
}
