package io.breachflow.dashboard.api;

import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;

/**
 * {@code GET /api/stream}: Server-Sent Events for live views. A comment at once (so that the client's EventSource
 * opens without waiting for news), then an {@code incident} event for every incident a committed projection batch
 * changed (data: the incident as {@code GET /api/incidents} lists it; id: {@code <incident id>:<sequence>}), and a
 * {@code : heartbeat} comment every {@code breachflow.dashboard.stream.heartbeat} (15 s) so that proxies keep the
 * connection and clients notice a dead one. There is no replay: a client that (re)connects reloads the list first.
 */
@Path("/api/stream")
@Tag(name = "incidents")
public class StreamResource {

    @Inject
    IncidentBroadcaster broadcaster;

    @ConfigProperty(name = "breachflow.dashboard.stream.heartbeat", defaultValue = "15s")
    Duration heartbeat;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live incident updates (Server-Sent Events)",
            description = "Event 'incident' with the incident JSON (a list item of GET /api/incidents) after every "
                    + "committed change; a comment every 15 s as heartbeat. Reload the list after (re)connecting.")
    @APIResponse(responseCode = "200", description = "An endless text/event-stream")
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
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
        return Multi.createBy().concatenating().streams(hello, Multi.createBy().merging().streams(incidents, heartbeats));
    }
}
