package io.breachflow.workflow.seal;

import io.breachflow.contracts.incident.PersonalDataErased;
import io.breachflow.service.seal.IncidentKeys;
import jakarta.inject.Singleton;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;

/**
 * Destroys an incident's keys once its {@link PersonalDataErased} is stored. It runs in a tracking processor of its
 * own whose errors propagate: a crash or a database failure between the event and the destruction is retried from
 * the processor's token, never skipped. Destroying is idempotent (a second time destroys nothing), so the erasure
 * endpoint also calls it at once, so that the DPO's answer comes after the keys are gone.
 */
@Singleton
@ProcessingGroup(KeyShredder.PROCESSING_GROUP)
public class KeyShredder {

    public static final String PROCESSING_GROUP = "key-shredder";
    private static final Logger LOG = Logger.getLogger(KeyShredder.class);

    private final IncidentKeys keys;
    private final Clock clock;

    KeyShredder(IncidentKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @EventHandler
    void on(PersonalDataErased erased) {
        destroyKeysOf(erased.incidentId());
    }

    /** Destroys every live key of the incident; returns how many (0 when they were already destroyed). */
    public int destroyKeysOf(String incidentId) {
        try {
            int destroyed = keys.destroy(incidentId, clock.instant());
            if (destroyed > 0) {
                LOG.infof("Destroyed %d key(s) of incident %s: its responder texts are erased", destroyed, incidentId);
            }
            return destroyed;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not destroy the keys of incident " + incidentId, e);
        }
    }
}
