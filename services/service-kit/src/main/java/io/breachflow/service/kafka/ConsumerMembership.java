package io.breachflow.service.kafka;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Whether a consumer loop can do its job, for its readiness check: it has joined its group (the coordinator gave it
 * an assignment, possibly empty when the group has more members than partitions) and Kafka still counts it as a
 * member, i.e. it has returned from a poll within {@code max.poll.interval.ms}.
 *
 * <p>Not "idle": a slow batch under a backlog keeps the loop from polling for a while, and that is work, not a fault.
 * Only when a batch outlasts {@code max.poll.interval.ms} does Kafka hand the partitions to someone else; from then
 * on this instance is indeed not doing its job. Before the first assignment (starting up, or waiting for a dead
 * member's session to expire) it is not ready either.
 *
 * <p>Register it as the subscription's {@link ConsumerRebalanceListener} and call {@link #polled()} after each poll.
 */
public final class ConsumerMembership implements ConsumerRebalanceListener {

    private final Duration maxPollInterval;
    private final Clock clock;
    private volatile boolean member;
    private volatile int partitions;
    private volatile Instant lastPoll;

    /** With the {@code max.poll.interval.ms} of {@link KafkaSettings#manualCommitConsumer}. */
    public ConsumerMembership() {
        this(Duration.ofMillis(KafkaSettings.MAX_POLL_INTERVAL_MS), Clock.systemUTC());
    }

    ConsumerMembership(Duration maxPollInterval, Clock clock) {
        this.maxPollInterval = maxPollInterval;
        this.clock = clock;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        partitions += assigned.size();
        member = true;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        // A rebalance in progress: the assignment that follows decides. Still a member meanwhile.
        partitions = Math.max(0, partitions - revoked.size());
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        // Kafka took them away (session expired, or a batch outlasted max.poll.interval.ms): rejoining comes next.
        partitions = 0;
        member = false;
    }

    /** The loop has returned from a poll. */
    public void polled() {
        lastPoll = clock.instant();
    }

    /** Why it cannot do its job now; empty when it can. */
    public Optional<String> notReadyBecause() {
        Instant polled = lastPoll;
        if (!member) {
            return Optional.of("no partitions assigned yet: joining the consumer group");
        }
        if (polled != null && polled.plus(maxPollInterval).isBefore(clock.instant())) {
            return Optional.of("no poll for more than max.poll.interval.ms (" + maxPollInterval + "): out of the group");
        }
        return Optional.empty();
    }

    /** How many partitions it has now. */
    public int partitions() {
        return partitions;
    }

    /** When the loop last returned from a poll; empty before its first. */
    public Optional<Instant> lastPoll() {
        return Optional.ofNullable(lastPoll);
    }
}
