package io.breachflow.intake.adapter;

import io.breachflow.intake.adapter.alertmanager.AlertmanagerAdapter;
import io.breachflow.intake.adapter.cloudevents.CloudEventsAdapter;
import io.breachflow.intake.adapter.elastic.ElasticAdapter;
import io.breachflow.intake.adapter.falco.FalcoAdapter;
import io.breachflow.intake.adapter.grafana.GrafanaAdapter;
import io.breachflow.intake.adapter.guardduty.GuardDutyAdapter;
import io.breachflow.intake.adapter.macie.MacieAdapter;
import io.breachflow.intake.adapter.securityhub.SecurityHubAdapter;
import io.breachflow.intake.adapter.sentinel.SentinelAdapter;
import io.breachflow.intake.adapter.splunk.SplunkAdapter;
import io.breachflow.intake.adapter.wazuh.WazuhAdapter;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The labels a detection keeps, per source: what a responder needs to understand an alert (its name, severity,
 * rule or category, where it ran), nothing else. Every other label is dropped by
 * {@link io.breachflow.intake.publish.Minimiser}, so a label an alerting rule adds later (a user name, a client
 * address, a customer id) does not reach the event store unless it is added here, on purpose. The values kept are
 * redacted and bounded all the same. Documented in {@code docs/PERSONAL-DATA.md}; keep the two in step.
 *
 * <p>Left out on purpose: upstream ids ({@code sid}, {@code agent_id}, incident URLs; the detection carries the
 * upstream id as a keyed pseudonym), rule names that repeat the title, and asset names that are already in
 * {@code assets}. A name ending in {@code *} keeps every label with that prefix.
 */
public final class KeptLabels {

    private static final Pattern CATEGORY_WORD = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /** The convention labels and the labels a Prometheus-style rule uses to say what and where. */
    private static final Set<String> LABEL_BASED = Set.of(
            LabelConvention.HARM, LabelConvention.PERSONAL_DATA, LabelConvention.SEVERITY,
            "alertname", "job", "service", "namespace", "cluster", "environment", "env", "region");

    private static final Map<String, Set<String>> BY_SOURCE = Map.ofEntries(
            Map.entry(AlertmanagerAdapter.SOURCE, LABEL_BASED),
            Map.entry(GrafanaAdapter.SOURCE, union(LABEL_BASED, Set.of("grafana_folder"))),
            Map.entry(ElasticAdapter.SOURCE, Set.of("kibana.alert.rule.uuid", "kibana.alert.rule.rule_id",
                    "kibana.alert.severity", "kibana.alert.risk_score", "kibana.alert.workflow_status",
                    "kibana.alert.rule.tags")),
            Map.entry(SplunkAdapter.SOURCE, Set.of("app")),
            Map.entry(WazuhAdapter.SOURCE, Set.of("rule_id", "rule_level", "groups", "gdpr", "pci_dss")),
            Map.entry(FalcoAdapter.SOURCE, Set.of("priority", "source", "tags")),
            Map.entry(GuardDutyAdapter.SOURCE, Set.of("aws_account", "aws_region", "finding_type", "resource_type",
                    "severity_score")),
            Map.entry(SecurityHubAdapter.SOURCE, Set.of("aws_account", "aws_region", "product", "generator_id", "types",
                    "record_state", "workflow_status")),
            Map.entry(MacieAdapter.SOURCE, Set.of("aws_account", "aws_region", "finding_type", "finding_category",
                    "occurrences_of_finding", "personal_data_count.*")),
            Map.entry(SentinelAdapter.SOURCE, Set.of(LabelConvention.HARM, LabelConvention.PERSONAL_DATA,
                    "incident_number", "provider", "alert_products", "status")),
            // Producers speaking Breachflow's contract choose their own label names: the common ones only.
            Map.entry(CloudEventsAdapter.SOURCE, Set.of("ce_source", "producer_source_system", "alertname", "severity",
                    "category", "rule", "rule_id", "environment", "region", "cluster", "namespace")));

    private KeptLabels() {
    }

    /** The allow-list of {@code source}; empty for a source that has none (it then keeps no labels). */
    public static Set<String> of(String source) {
        return BY_SOURCE.getOrDefault(source, Set.of());
    }

    /**
     * Whether {@code source} keeps the label {@code name}. Under a prefix entry the rest of the name must be a
     * category word, so that no free text enters through a label's name.
     */
    public static boolean keeps(String source, String name) {
        for (String kept : of(source)) {
            boolean prefix = kept.endsWith("*");
            String fixed = prefix ? kept.substring(0, kept.length() - 1) : kept;
            if (prefix ? name.startsWith(fixed) && CATEGORY_WORD.matcher(name.substring(fixed.length())).matches()
                    : kept.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The sources that have an allow-list, for the documentation test. */
    public static Set<String> sources() {
        return BY_SOURCE.keySet();
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        return Set.copyOf(Stream.concat(first.stream(), second.stream()).toList());
    }
}
