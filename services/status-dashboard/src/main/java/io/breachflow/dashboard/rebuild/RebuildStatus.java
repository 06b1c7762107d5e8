package io.breachflow.dashboard.rebuild;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * Where the last rebuild stands.
 *
 * @param source          where the events are read from: {@code event-store} (the workflow's, the source of truth)
 *                        or {@code topic}; null before the first rebuild
 * @param applied         records replayed so far
 * @param toGo            records between the replay's position and the end of the topic
 * @param differences     with {@code ?verify=true}, after the switch: rows in which the replaced read models differed
 *                        from the rebuilt ones (0 unless events arrived that the live consumer had not applied yet,
 *                        or a projection changed); {@code null} otherwise
 */
@Schema(name = "RebuildStatus")
public record RebuildStatus(State state, String source, long applied, long toGo, double eventsPerSecond, Instant startedAt,
                            Instant finishedAt, Long differences, String replacedSchema, String failure) {

    public enum State { IDLE, RUNNING, SWITCHING, DONE, FAILED }

    static final RebuildStatus IDLE = new RebuildStatus(State.IDLE, null, 0, 0, 0, null, null, null, null, null);

    boolean running() {
        return state == State.RUNNING || state == State.SWITCHING;
    }
}
