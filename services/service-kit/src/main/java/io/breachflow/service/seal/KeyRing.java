package io.breachflow.service.seal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a reader knows of one incident's keys: the live ones and the generations destroyed by an erasure. Reads the
 * texts of that incident's events, sealed or (written before sealing existed) plain.
 */
public record KeyRing(String incidentId, Map<Integer, IncidentKey> live, Set<Integer> destroyed) {

    /** Shown in place of a text whose key an erasure destroyed. */
    public static final String ERASED = "[erased]";
    /** Shown where the key is neither live nor destroyed: the key store read is not the one that sealed it. */
    public static final String UNAVAILABLE = "[sealed: key unavailable]";

    public KeyRing {
        live = Map.copyOf(live);
        destroyed = Set.copyOf(destroyed);
    }

    public static KeyRing empty(String incidentId) {
        return new KeyRing(incidentId, Map.of(), Set.of());
    }

    /** The text to show: plain text as it is, a sealed one opened, or {@link #ERASED} / {@link #UNAVAILABLE}. */
    public String read(String text) {
        if (!TextSeal.isSealed(text)) {
            return text;
        }
        Optional<Integer> generation = TextSeal.generationOf(text);
        IncidentKey key = generation.map(live::get).orElse(null);
        if (key != null) {
            return TextSeal.open(key, text).orElse(UNAVAILABLE);
        }
        return generation.filter(destroyed::contains).isPresent() ? ERASED : UNAVAILABLE;
    }

    /** Whether an erasure destroyed any key of this incident. */
    public boolean erased() {
        return !destroyed.isEmpty();
    }
}
