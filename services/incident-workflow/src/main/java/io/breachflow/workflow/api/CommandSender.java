package io.breachflow.workflow.api;

import io.breachflow.workflow.axon.AxonConfiguration;
import io.breachflow.workflow.command.Actor;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.function.Function;

/**
 * The one way the resources send a command: as the authenticated caller. The token's principal becomes the
 * command's {@link Actor} (checked by the aggregate) and the {@code actor} metadata (copied onto every event by
 * Axon's correlation-data provider). Answers once the command's events are in the event store.
 */
@ApplicationScoped
public class CommandSender {

    private final CommandGateway commands;
    private final SecurityIdentity identity;

    CommandSender(CommandGateway commands, SecurityIdentity identity) {
        this.commands = commands;
        this.identity = identity;
    }

    /** Builds the command for the caller, sends it and waits; Axon's refusals surface as exceptions (see the mappers). */
    public CommandAccepted send(String incidentId, String action, Function<Actor, ?> command) {
        Actor actor = caller();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command.apply(actor))
                .andMetaData(MetaData.with(AxonConfiguration.ACTOR, actor.name())));
        return new CommandAccepted(incidentId, action, actor.name());
    }

    /** The caller: {@code upn}, else {@code preferred_username}, else {@code sub}, with the token's groups as roles. */
    Actor caller() {
        if (identity.isAnonymous()) {
            // The HTTP permissions let no anonymous request reach a command; this guards a misconfiguration.
            throw new UnauthorizedException("No authenticated caller");
        }
        return new Actor(name(identity.getPrincipal()), identity.getRoles());
    }

    private static String name(Principal principal) {
        if (principal instanceof JsonWebToken token) {
            // Keycloak, Entra ID and Okta put the user's name in preferred_username, not upn (README, Authentication).
            for (Claims claim : new Claims[] {Claims.upn, Claims.preferred_username}) {
                String name = token.getClaim(claim.name());
                if (name != null && !name.isBlank()) {
                    return name;
                }
            }
            if (token.getSubject() != null && !token.getSubject().isBlank()) {
                return token.getSubject();
            }
        }
        return principal.getName();
    }
}
