package io.breachflow.workflow.api;

import io.breachflow.service.problem.Problem;
import io.breachflow.service.problem.ProblemExceptionMapper;
import io.breachflow.workflow.command.CommandRejectedException;
import jakarta.ws.rs.core.Response;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Axon's refusals as problems: a command the incident's state does not allow is 409, an unknown incident 404. */
public class CommandExceptionMappers {

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
}
