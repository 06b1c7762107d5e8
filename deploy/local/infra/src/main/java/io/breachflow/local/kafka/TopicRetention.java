package io.breachflow.local.kafka;

import io.breachflow.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The retention every Breachflow topic is created with, set explicitly so that no broker default decides it
 * (README "Operations: topic retention"):
 * <ul>
 *   <li>{@value Topics#INCIDENT_EVENTS}: kept forever ({@code retention.ms=-1}, {@code retention.bytes=-1}). It is the
 *       dashboard's rebuild source: an event the broker deleted would be missing from every rebuilt read model.</li>
 *   <li>alerts and detections: {@value #WORKING_DAYS} days. The workflow's event store holds what they led to; they are
 *       kept long enough to replay an outage of the intake or the workflow.</li>
 *   <li>dead-letter topics: {@value #DEAD_LETTER_DAYS} days, longer than a holiday, so that an operator finds what
 *       failed before it is gone.</li>
 * </ul>
 * An existing topic with other values is corrected ({@code incrementalAlterConfigs}) and a warning says so: these
 * topics belong to Breachflow, and an incident-event topic that silently deletes after the broker's default 7 days
 * would lose rebuild history without anyone noticing.
 */
public final class TopicRetention {

    public static final int WORKING_DAYS = 7;
    public static final int DEAD_LETTER_DAYS = 30;

    private static final Logger LOG = Logger.getLogger(TopicRetention.class.getName());

    private TopicRetention() {
    }

    /** The retention settings of {@code topic}: {@code retention.ms} and {@code retention.bytes}. */
    public static Map<String, String> of(String topic) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (topic.equals(Topics.INCIDENT_EVENTS)) {
            settings.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        } else if (topic.endsWith(".dlq")) {
            settings.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(DEAD_LETTER_DAYS).toMillis()));
        } else {
            settings.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(WORKING_DAYS).toMillis()));
        }
        // Never by size: a busy day must not delete what the time limit keeps.
        settings.put(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        return settings;
    }

    /**
     * Sets {@link #of(String)} on those of {@code topics} whose current values differ, with a warning for each; returns
     * the topics it corrected.
     */
    public static List<String> correct(Admin admin, Collection<String> topics) throws Exception {
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<ConfigResource, Config> current = admin.describeConfigs(resources).all().get(60, TimeUnit.SECONDS);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        List<String> corrected = new ArrayList<>();
        for (ConfigResource resource : resources) {
            Config config = current.get(resource);
            List<AlterConfigOp> ops = new ArrayList<>();
            of(resource.name()).forEach((key, wanted) -> {
                ConfigEntry entry = config.get(key);
                String actual = entry == null ? null : entry.value();
                if (!wanted.equals(actual)) {
                    LOG.warning("topic " + resource.name() + " had " + key + "=" + actual + "; setting " + wanted);
                    ops.add(new AlterConfigOp(new ConfigEntry(key, wanted), AlterConfigOp.OpType.SET));
                }
            });
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
                corrected.add(resource.name());
            }
        }
        if (!changes.isEmpty()) {
            admin.incrementalAlterConfigs(changes).all().get(60, TimeUnit.SECONDS);
        }
        return corrected;
    }
}
