package io.breachflow.workflow.seal;

import io.breachflow.service.seal.IncidentKey;
import io.breachflow.service.seal.IncidentKeys;
import io.breachflow.service.seal.KeyedHash;
import io.breachflow.service.seal.TextSeal;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Clock;

/**
 * Seals what responders write (notes, rationales, the assignee, ...) with the incident's current key before it
 * enters a command, so that no event, Kafka record or read model ever holds it in plain text, and destroying the key
 * erases every copy. The REST layer calls it after validating the plain text and before sending the command.
 */
@Singleton
public class ResponderText {

    /** Name of the deployment secret of assignee tags; the dashboard computes the same tag from a filter value. */
    public static final String ASSIGNEE_TAG_SECRET = "assignee-tag";

    private final IncidentKeys keys;
    private final Clock clock;

    ResponderText(IncidentKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A sealer with the incident's current key: one key lookup per request, however many texts it seals. */
    public Sealer sealerFor(String incidentId) {
        try {
            return new Sealer(keys.current(incidentId, clock.instant()));
        } catch (SQLException e) {
            throw new IllegalStateException("The key store cannot give a key for incident " + incidentId, e);
        }
    }

    /**
     * The keyed hash of an assignee that stays after an erasure: it lets the aggregate tell a re-assignment to the same
     * person (sealed names never compare equal) and lets readers filter by assignee without the name.
     */
    public String assigneeTag(String assignee) {
        try {
            return new KeyedHash(keys.deploymentSecret(ASSIGNEE_TAG_SECRET), "t1").of("assignee", assignee.strip());
        } catch (SQLException e) {
            throw new IllegalStateException("The key store cannot give the assignee-tag secret", e);
        }
    }

    /** Seals texts with one incident key. */
    public record Sealer(IncidentKey key) {

        /** The text stripped and sealed; absent or blank text carries nothing personal and stays as it is. */
        public String seal(String text) {
            return text == null || text.isBlank() ? text : TextSeal.seal(key, text.strip());
        }
    }
}
