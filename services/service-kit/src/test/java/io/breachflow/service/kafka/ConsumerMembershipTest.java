package io.breachflow.service.kafka;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerMembershipTest {

    private static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(5);
    private static final List<TopicPartition> TWO = List.of(new TopicPartition("t", 0), new TopicPartition("t", 1));

    private final MutableClock clock = new MutableClock();
    private final ConsumerMembership membership = new ConsumerMembership(MAX_POLL_INTERVAL, clock);

    @Test
    void notReadyBeforeTheGroupGaveItAnAssignment() {
        membership.polled();
        assertThat(membership.notReadyBecause()).hasValueSatisfying(reason -> assertThat(reason).contains("joining"));
        membership.onPartitionsAssigned(TWO);
        assertThat(membership.notReadyBecause()).isEmpty();
        assertThat(membership.partitions()).isEqualTo(2);
    }

    @Test
    void anEmptyAssignmentIsMembershipToo() {
        membership.onPartitionsAssigned(List.of());   // more instances than partitions: a standby
        assertThat(membership.notReadyBecause()).isEmpty();
    }

    @Test
    void aSlowBatchIsWorkNotAFault() {
        membership.onPartitionsAssigned(TWO);
        membership.polled();
        clock.advance(Duration.ofSeconds(90));   // longer than the 30 s the old check allowed
        assertThat(membership.notReadyBecause()).isEmpty();
    }

    @Test
    void aBatchOutlastingTheMaxPollIntervalIsOutOfTheGroup() {
        membership.onPartitionsAssigned(TWO);
        membership.polled();
        clock.advance(MAX_POLL_INTERVAL.plusSeconds(1));
        assertThat(membership.notReadyBecause()).hasValueSatisfying(reason -> assertThat(reason).contains("max.poll.interval.ms"));
        membership.polled();
        assertThat(membership.notReadyBecause()).isEmpty();
    }

    @Test
    void lostPartitionsMeanRejoiningAndARebalanceDoesNot() {
        membership.onPartitionsAssigned(TWO);
        membership.onPartitionsRevoked(TWO);
        assertThat(membership.notReadyBecause()).as("during a rebalance").isEmpty();
        membership.onPartitionsAssigned(TWO.subList(0, 1));
        assertThat(membership.partitions()).isEqualTo(1);
        membership.onPartitionsLost(TWO.subList(0, 1));
        assertThat(membership.notReadyBecause()).isPresent();
        assertThat(membership.partitions()).isZero();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
