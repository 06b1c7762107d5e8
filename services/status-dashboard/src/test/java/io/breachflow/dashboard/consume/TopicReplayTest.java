package io.breachflow.dashboard.consume;

import io.breachflow.contracts.Topics;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rebuild from the topic refuses a topic that lost its oldest records, naming the first such partition. */
class TopicReplayTest {

    private static TopicPartition partition(int n) {
        return new TopicPartition(Topics.INCIDENT_EVENTS, n);
    }

    @Test
    void aTopicStartingAtOffsetZeroEverywhereIsWhole() {
        assertThatCode(() -> TopicReplay.requireWholeTopic(Map.of(partition(0), 0L, partition(1), 0L)))
                .doesNotThrowAnyException();
    }

    @Test
    void aTopicWhoseOldestRecordsAreGoneIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> TopicReplay.requireWholeTopic(Map.of(partition(0), 0L, partition(3), 1200L, partition(2), 7L)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("partition 2 starts at offset 7")
                .hasMessageContaining("breachflow.dashboard.rebuild.event-store-url");
    }
}
