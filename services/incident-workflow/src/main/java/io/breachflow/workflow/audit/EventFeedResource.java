package io.breachflow.workflow.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.breachflow.contracts.incident.IncidentEvent;
import io.breachflow.service.json.ContractJson;
import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemException;
import io.breachflow.workflow.axon.AxonConfiguration;
import io.breachflow.workflow.publish.IncidentEventRecords;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code GET /api/audit/events}: the incident events of the event store, the source of truth, in the store's order,
 * as the records the workflow publishes to Kafka (issue 11). A read-model rebuild reads it, so read models can be
 * rebuilt however little of the topic is left. Read through Axon's storage engine: upcast like every other reader,
 * and gap-aware, so an event committed late under a lower index is still delivered (see {@link FeedCursor}).
 * Roles auditor and dpo (the path's permission): the same events an auditor exports as evidence.
 */
@Path("/api/audit/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({AuditResource.AUDITOR, "dpo"})
public class EventFeedResource {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 5000;

    private final AxonConfiguration axon;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json = ContractJson.newMapper();

    EventFeedResource(AxonConfiguration axon, AgroalDataSource dataSource) {
        this.axon = axon;
        this.dataSource = dataSource;
    }

    @GET
    @Operation(summary = "The incident events of the event store, in its order",
            description = "Pages of incident events as the records published to breach.incident-events.v1 (key, headers,"
                    + " value), read from the event store. Start without after; pass each page's next as after until"
                    + " complete is true. A read-model rebuild reads this, not the topic.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FeedPage.class)))
    @APIResponse(responseCode = "400", description = "Malformed cursor or limit", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = AuditResource.FORBIDDEN, content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeedPage read(@Parameter(description = "The next of the previous page; absent: from the beginning")
                         @QueryParam("after") String after,
                         @Parameter(description = "At most this many events (1 to " + MAX_LIMIT + ")")
                         @QueryParam("limit") @DefaultValue("" + DEFAULT_LIMIT) String limit) {
        int max = limit(limit);
        GapAwareTrackingToken from = FeedCursor.parse(after);
        Long head = headGlobalIndex();
        List<FeedPage.Record> records = new ArrayList<>();
        TrackingToken last = from;
        boolean complete = true;
        // Not blocking: the stream ends where the store ends now. Other aggregates' events (correlations) are read
        // past: the cursor moves over them, the page holds only incident events.
        try (Stream<? extends TrackedEventMessage<?>> stream = axon.eventStorageEngine().readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            int read = 0;
            while (events.hasNext()) {
                if (read == max) {
                    complete = false;
                    break;
                }
                TrackedEventMessage<?> message = events.next();
                read++;
                long globalIndex = FeedCursor.indexOf(last, message.trackingToken());
                last = message.trackingToken();
                if (message.getPayload() instanceof IncidentEvent event && message instanceof DomainEventMessage<?> domain) {
                    records.add(record(event, domain, globalIndex));
                }
            }
        }
        return new FeedPage(records, FeedCursor.format(last), complete, head);
    }

    private FeedPage.Record record(IncidentEvent event, DomainEventMessage<?> message, long globalIndex) {
        return new FeedPage.Record(globalIndex, event.incidentId(),
                IncidentEventRecords.headers(event, message.getIdentifier(), message.getSequenceNumber(), globalIndex),
                json.valueToTree(event));
    }

    private static int limit(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ProblemException.badRequest("bad-limit", "Bad limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private Long headGlobalIndex() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
            r.next();
            long head = r.getLong(1);
            return r.wasNull() ? null : head;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store's head (SQL state " + e.getSQLState() + ")", e);
        }
    }
}
