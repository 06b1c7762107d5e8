package io.breachflow.intake.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the {@code webhook-id}s of verified requests for the replay window, so that a captured request
 * replayed within the window (where its timestamp still passes) is refused. Bounded: expired ids go first,
 * and at {@code capacity} the oldest id is forgotten (a flood of valid, signed requests can only shorten the
 * memory, never exhaust the heap). In memory and per instance: behind a load balancer with several intake
 * instances a replay could reach another one — the detection ids are deterministic, so a replay that gets
 * through produces a duplicate detection that the workflow ignores, never a second incident.
 */
public final class ReplayGuard {

    private final Clock clock;
    private final Duration window;
    private final int capacity;
    private final LinkedHashMap<String, Long> seenUntilMillis = new LinkedHashMap<>();

    public ReplayGuard(Clock clock, Duration window, int capacity) {
        this.clock = clock;
        this.window = window;
        this.capacity = capacity;
    }

    /** @return true when the id was new and is now remembered; false when it is a replay */
    public synchronized boolean firstSeen(String key) {
        long now = clock.millis();
        expire(now);
        Long until = seenUntilMillis.get(key);
        if (until != null && until > now) {
            return false;
        }
        // Twice the window: a timestamp may lie up to one window in the future and still pass.
        seenUntilMillis.put(key, now + 2 * window.toMillis());
        while (seenUntilMillis.size() > capacity) {
            Iterator<String> oldest = seenUntilMillis.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    /** Forgets an id whose request was not accepted after all, so that the sender's retry is not a "replay". */
    public synchronized void forget(String key) {
        seenUntilMillis.remove(key);
    }

    synchronized int size() {
        return seenUntilMillis.size();
    }

    private void expire(long now) {
        Iterator<Map.Entry<String, Long>> entries = seenUntilMillis.entrySet().iterator();
        // Insertion order is expiry order (constant lifetime), so stop at the first live entry.
        while (entries.hasNext()) {
            if (entries.next().getValue() > now) {
                return;
            }
            entries.remove();
        }
    }
}
