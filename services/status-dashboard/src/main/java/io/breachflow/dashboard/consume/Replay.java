package io.breachflow.dashboard.consume;

import java.io.IOException;
import java.sql.SQLException;
import java.util.function.LongConsumer;

/**
 * A full read of the incident events into the tables of another schema, for a rebuild: from the topic
 * ({@link TopicReplay}) or from the workflow's event store ({@link EventStoreReplay}).
 */
public interface Replay extends AutoCloseable {

    /** Where it reads from, for the rebuild's status: {@code topic} or {@code event-store}. */
    String source();

    /** About how many records lie between the current position and the end now (for progress only). */
    long remaining() throws IOException;

    /** Applies every record up to the end as of now; {@code progress} hears how many records each batch had. */
    void readTo(LongConsumer progress) throws SQLException, IOException;

    /** Records that could not be applied (they stall their incidents in the rebuilt tables). */
    long skipped();

    @Override
    void close();
}
