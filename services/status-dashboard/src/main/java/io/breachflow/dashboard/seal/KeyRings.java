package io.breachflow.dashboard.seal;

import io.agroal.api.AgroalDataSource;
import io.breachflow.service.seal.IncidentKeys;
import io.breachflow.service.seal.KeyRing;
import io.breachflow.service.seal.KeyedHash;
import io.quarkus.agroal.DataSource;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The incidents' key rings, read from the workflow's key store (datasource {@code keys}, read only) when an answer is
 * given, never kept: an erasure there shows here at the next answer. The dashboard stores texts sealed as they come
 * and opens them only through these rings ({@link KeyRing#read}). A key store that cannot be read does not fail an
 * answer: every ring is then empty, so sealed texts show as {@value KeyRing#UNAVAILABLE} (logged once per outage).
 */
@Singleton
public class KeyRings {

    private static final Logger LOG = Logger.getLogger(KeyRings.class);
    /** The secret the workflow keys assignee tags with (ResponderAssigned.assigneeTag), and the tags' version. */
    private static final String ASSIGNEE_TAG_SECRET = "assignee-tag";
    private static final String ASSIGNEE_TAG_VERSION = "t1";

    private final IncidentKeys keys;
    private final AtomicBoolean outageReported = new AtomicBoolean();
    private volatile KeyedHash assigneeTags; // a deployment secret never changes: read once

    @Inject
    KeyRings(@DataSource("keys") AgroalDataSource keyStore) {
        this(new IncidentKeys(keyStore));
    }

    KeyRings(IncidentKeys keys) {
        this.keys = keys;
    }

    /** The ring of each incident (one query for all); empty rings when the key store cannot be read. */
    public Map<String, KeyRing> of(Collection<String> incidentIds) {
        Set<String> ids = new LinkedHashSet<>(incidentIds);
        try {
            Map<String, KeyRing> rings = keys.ringsOf(ids);
            if (outageReported.compareAndSet(true, false)) {
                LOG.info("the key store answers again: sealed texts are opened");
            }
            return rings;
        } catch (SQLException | RuntimeException e) {
            if (outageReported.compareAndSet(false, true)) {
                // The state and kind only: a driver's message may quote what it was given.
                LOG.warnf("the key store (datasource keys) cannot be read (%s, SQL state %s): sealed texts show as %s"
                        + " until it can", e.getClass().getSimpleName(), sqlState(e), KeyRing.UNAVAILABLE);
            }
            return ids.stream().collect(Collectors.toMap(Function.identity(), KeyRing::empty));
        }
    }

    public KeyRing of(String incidentId) {
        return of(Set.of(incidentId)).get(incidentId);
    }

    /**
     * The tag the workflow gives {@code assignee} (a keyed hash of the name, stripped), to find their incidents
     * without opening any sealed name.
     *
     * @throws SQLException when the key store cannot be read (the filter cannot be answered correctly then)
     */
    public String assigneeTag(String assignee) throws SQLException {
        KeyedHash tags = assigneeTags;
        if (tags == null) {
            // Read only: the workflow creates the secret with the first tagged assignment. Until then no incident has
            // a tag, the answer is null (matches no tag) and the filter falls back to plain names of older events.
            Optional<byte[]> secret = keys.findDeploymentSecret(ASSIGNEE_TAG_SECRET);
            if (secret.isEmpty()) {
                return null;
            }
            tags = new KeyedHash(secret.get(), ASSIGNEE_TAG_VERSION);
            assigneeTags = tags;
        }
        return tags.of("assignee", assignee.strip());
    }

    private static String sqlState(Exception e) {
        return e instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "none";
    }
}
