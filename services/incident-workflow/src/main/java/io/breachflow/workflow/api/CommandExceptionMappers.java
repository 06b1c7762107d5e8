package io.breachflow.workflow.api;

import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemExceptionMapper;
import io.breachflow.workflow.command.CommandRejectedException;
import jakarta.ws.rs.core.Response;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;

/**
 * Axon's refusals as problems: a command the incident's state does not allow is 409, an unknown incident 404, a
 * conflict that outlived the retries 409. What remains is the service's own trouble: a database or transaction
 * failure is a 503 with {@code Retry-After} (the command wrote nothing; the sender may retry it), anything else a
 * logged 500 problem — never a bare framework error page.
 */
public class CommandExceptionMappers {

    private static final Logger LOG = Logger.getLogger(CommandExceptionMappers.class);

    @ServerExceptionMapper
    public Response rejected(CommandRejectedException rejected) {
        return ProblemExceptionMapper.respond(Problem.of(409, rejected.reason(), "The incident refused the command",
                rejected.getMessage()));
    }

    @ServerExceptionMapper
    public Response unknownIncident(AggregateNotFoundException notFound) {
        return ProblemExceptionMapper.respond(Problem.of(404, "not-found", "Not found",
                "No incident " + notFound.getAggregateIdentifier()));
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrencyException conflict) {
        return ProblemExceptionMapper.respond(Problem.of(409, "concurrent-update", "Changed at the same time",
                "The incident was changed by another command at the same moment; send the command again"));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof jakarta.transaction.SystemException
                    || cause instanceof org.axonframework.common.AxonTransientException) {
                LOG.warnf(failure, "command failed on the database; answered 503");
                return ProblemExceptionMapper.respond(Problem.of(503, "unavailable", "Temporarily unavailable",
                        "The event store could not take the command; nothing was written. Retry later."));
            }
        }
        LOG.errorf(failure, "unexpected failure");
        return ProblemExceptionMapper.respond(Problem.of(500, "internal-error", "Internal error",
                "The command failed unexpectedly; nothing was written. The failure was logged."));
    }
}
