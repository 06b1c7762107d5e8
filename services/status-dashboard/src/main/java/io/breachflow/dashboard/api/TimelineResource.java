package io.breachflow.dashboard.api;

import io.breachflow.dashboard.query.TimelineItem;
import io.breachflow.dashboard.query.TimelineQueries;
import io.breachflow.dashboard.query.TimelineQueries.TimelinePage;
import io.breachflow.dashboard.seal.KeyRings;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import io.breachflow.service.seal.KeyRing;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;
import java.util.List;

/**
 * {@code GET /api/incidents/{id}/timeline}: the events applied to an incident, as a sentence and its payload, a page
 * at a time. Paged and bounded in size because one answer with a whole history of large events was 31 MB and a few at
 * once ran the service out of memory (issue 10).
 */
@Path("/api/incidents/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incidents")
public class TimelineResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    @Inject
    TimelineQueries queries;

    @Inject
    KeyRings keyRings;

    /** The stored event JSON one page may hold; a page ends early (with a nextCursor) rather than exceed it. */
    @ConfigProperty(name = "breachflow.dashboard.timeline.max-page-size", defaultValue = "1M")
    MemorySize maxPageSize;

    @GET
    @Operation(summary = "The history of one incident, oldest event first, a page at a time",
            description = "One item per event applied, with its CloudEvents type, who did it, a sentence and the event."
                    + " Paged: at most limit items (default " + DEFAULT_LIMIT + ", at most " + MAX_LIMIT + "), and a"
                    + " page ends early once its events' JSON reaches breachflow.dashboard.timeline.max-page-size"
                    + " (default 1M); follow nextCursor until it is null."
                    + " Responder free text (notes, rationales, the assignee, ...) reads \"" + KeyRing.ERASED + "\" once"
                    + " the incident's personal data was erased, and \"" + KeyRing.UNAVAILABLE + "\" while the key"
                    + " store cannot be read")
    @APIResponse(responseCode = "200", description = "A page of the timeline",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimelineResponse.class)))
    @APIResponse(responseCode = "400", description = "A limit out of range, or a cursor this timeline did not give out",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No incident with this id is known to the dashboard",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The read models cannot be read just now",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TimelineResponse timeline(
            @Parameter(description = "Incident id") @PathParam("id") String id,
            @Parameter(description = "Items per page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")")
            @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page; absent for the first page")
            @QueryParam("cursor") String cursor) {
        int pageLimit = limit(limit);
        long after = cursor(cursor);
        try {
            TimelinePage page = queries.page(id, after, pageLimit, maxPageSize.asLongValue())
                    .orElseThrow(() -> ProblemException.notFound("no incident " + id));
            KeyRing ring = keyRings.of(id);
            List<TimelineItem> items = page.rows().stream().map(row -> TimelineItem.of(row, ring)).toList();
            String next = page.more() ? Long.toString(items.get(items.size() - 1).sequence()) : null;
            return new TimelineResponse(id, items, next);
        } catch (SQLException e) {
            throw Unavailable.of(e);
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ProblemException.invalid("limit is not a whole number from 1 to " + MAX_LIMIT,
                List.of("limit must be from 1 to " + MAX_LIMIT));
    }

    /** The cursor is the sequence of the previous page's last item; anything else is refused, not guessed at. */
    private static long cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return -1;
        }
        try {
            long sequence = Long.parseLong(cursor.trim());
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("cursor is not one this timeline gave out",
                List.of("cursor must be the nextCursor of the previous page"));
    }
}
