package io.breachflow.service.kafka;

import io.breachflow.local.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's consumers are static group members (real broker): a member that goes away without leaving, as a crashed
 * one does, stays in the group with its partitions, and the instance started again under the same id takes exactly
 * those back, without a rebalance that would first wait for the dead member's session to expire.
 */
class StaticMembershipTest {

    private static final int PARTITIONS = 3;

    @Test
    void anInstanceStartedAgainTakesItsPartitionsBackAtOnce() throws Exception {
        String bootstrap = Infrastructure.kafkaBootstrapServers();
        String topic = "static-membership-" + UUID.randomUUID();
        String group = "static-membership-" + UUID.randomUUID();
        try (Admin admin = Admin.create(KafkaSettings.client(bootstrap, "static-membership-admin"))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();

            Map<String, Object> settings = KafkaSettings.manualCommitConsumer(bootstrap, group, "static-membership");
            settings.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, KafkaSettings.groupInstanceId("static-membership", "node-a"));
            Set<TopicPartition> before;
            try (KafkaConsumer<String, byte[]> first = new KafkaConsumer<>(settings)) {
                before = assignmentOf(first, topic);
            } // closed without leaving the group, as a crash leaves it

            ConsumerGroupDescription afterTheCrash = describe(admin, group);
            assertThat(afterTheCrash.members()).as("the gone instance is still a member, holding its partitions")
                    .singleElement().satisfies(member -> {
                        assertThat(member.groupInstanceId()).contains("static-membership-node-a");
                        assertThat(member.assignment().topicPartitions()).isEqualTo(before);
                    });

            long start = System.nanoTime();
            try (KafkaConsumer<String, byte[]> again = new KafkaConsumer<>(settings)) {
                Set<TopicPartition> after = assignmentOf(again, topic);
                System.out.printf("the instance started again had its %d partitions after %d ms (session timeout %d ms)%n",
                        after.size(), (System.nanoTime() - start) / 1_000_000, KafkaSettings.SESSION_TIMEOUT_MS);
                assertThat(after).isEqualTo(before).hasSize(PARTITIONS);
                List<MemberDescription> members = List.copyOf(describe(admin, group).members());
                assertThat(members).as("one member: the instance took its own place").singleElement()
                        .satisfies(member -> assertThat(member.groupInstanceId()).contains("static-membership-node-a"));
            }
        }
    }

    private static Set<TopicPartition> assignmentOf(KafkaConsumer<String, byte[]> consumer, String topic) {
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        return Set.copyOf(consumer.assignment());
    }

    private static ConsumerGroupDescription describe(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get();
    }
}
