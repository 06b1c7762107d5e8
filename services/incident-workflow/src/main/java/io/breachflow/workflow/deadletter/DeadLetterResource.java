package io.breachflow.workflow.deadletter;

import io.breachflow.service.problem.ProblemException;
import io.breachflow.workflow.api.CommandApiDocumentation;
import io.breachflow.workflow.axon.AxonConfiguration;
import io.breachflow.workflow.command.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The event handlers' dead letters (issue 11, {@link DeadLetters}): list them, and retry a processing group's. For the
 * DPO, who answers for what an erasure or a clock left undone. Errors are problem+json (the service kit's mappers).
 */
@Path("/api/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations")
@SecurityRequirement(name = CommandApiDocumentation.SECURITY_SCHEME)
public class DeadLetterResource {

    private static final Logger LOG = Logger.getLogger(DeadLetterResource.class);

    private final AxonConfiguration axon;

    DeadLetterResource(AxonConfiguration axon) {
        this.axon = axon;
    }

    /**
     * One dead letter. The cause is named by its exception type only: its message may quote a driver's statement with
     * bound values, personal data included (the same rule as the logs' SafeReason).
     */
    public record Letter(String processingGroup, String incidentId, String eventId, String eventType,
                         Instant enqueuedAt, Instant lastTouched, String causeType) {
    }

    /** What a retry did: the sequences (incidents) handled successfully now, and the letters still queued. */
    public record RetryOutcome(String processingGroup, int retried, long remaining) {
    }

    @GET
    @RolesAllowed(Actor.DPO)
    @Operation(summary = "List the event handlers' dead letters (DPO)",
            description = "Events a handler (deadline escalation, key shredder, retention ledger) failed on, in"
                    + " order per incident and processing group; later events of the same incident wait behind them")
    @APIResponse(responseCode = "200", description = "Every dead letter, by processing group")
    public List<Letter> list() {
        List<Letter> letters = new ArrayList<>();
        for (String group : DeadLetters.PROCESSING_GROUPS) {
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(group).deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    EventMessage<?> event = letter.message();
                    String incidentId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
                    letters.add(new Letter(group, incidentId, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                            letter.enqueuedAt(), letter.lastTouched(), letter.cause().map(Cause::type).orElse(null)));
                }
            }
        }
        return letters;
    }

    @POST
    @Path("/{processingGroup}/retry")
    @RolesAllowed(Actor.DPO)
    @Operation(summary = "Retry a processing group's dead letters (DPO)",
            description = "Hands each dead-lettered sequence (an incident's letters, in order) to its handler again;"
                    + " a sequence that fails again stays queued with its new cause")
    @APIResponse(responseCode = "200", description = "How many sequences succeeded, and how many letters remain")
    @APIResponse(responseCode = "404", description = "No such processing group with a dead-letter queue (problem+json)")
    public RetryOutcome retry(@PathParam("processingGroup") String processingGroup) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(processingGroup);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing().sequencedDeadLetterProcessor(processingGroup)
                .orElseThrow(() -> unknown(processingGroup));
        // One attempt per sequence queued now: a sequence that fails again is not tried twice in one request.
        long sequences = queue.amountOfSequences();
        int retried = 0;
        for (long i = 0; i < sequences; i++) {
            try {
                if (processor.processAny()) {
                    retried++;
                }
            } catch (RuntimeException e) {
                // The handler failed again: its letter was requeued with the new cause (in a transaction of its own,
                // JtaTransactionManager.separateFromDoomed), and the handler's own transaction rolled back, which Axon
                // reports as a failed unit of work.
                LOG.warnf("a dead letter of %s failed again (%s)", processingGroup, e.getClass().getSimpleName());
            }
        }
        long remaining = queue.size();
        LOG.infof("dead letters of %s retried: %d sequences handled, %d letters remain", processingGroup, retried, remaining);
        return new RetryOutcome(processingGroup, retried, remaining);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        if (!DeadLetters.PROCESSING_GROUPS.contains(group)) {
            throw unknown(group);
        }
        return processing().deadLetterQueue(group).orElseThrow(() -> unknown(group));
    }

    private EventProcessingConfiguration processing() {
        return axon.configuration().eventProcessingConfiguration();
    }

    // The name is not echoed: it is whatever the caller put in the path.
    private static ProblemException unknown(String group) {
        return ProblemException.notFound("no processing group with a dead-letter queue by that name; these have one: "
                + String.join(", ", DeadLetters.PROCESSING_GROUPS));
    }
}
