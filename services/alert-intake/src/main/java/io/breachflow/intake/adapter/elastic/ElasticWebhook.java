package io.breachflow.intake.adapter.elastic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The body Breachflow's Kibana webhook connector template renders (see {@code ADAPTERS.md}, "Elastic"):
 * <pre>{"rule": {"id": "{{rule.id}}", "name": "{{rule.name}}"}, "date": "{{date}}", "alerts": {{{context.alerts.asJSON}}}}</pre>
 * {@code alerts} are Elastic Security alert documents (ECS and {@code kibana.alert.*} fields,
 * <a href="https://www.elastic.co/guide/en/security/current/alert-schema.html">Alert schema</a>), kept as trees
 * because Kibana writes {@code kibana.alert.*} as dotted keys and ECS fields as nested objects.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ElasticWebhook(ElasticRule rule, String date, List<JsonNode> alerts) {

    /** The rule variables of the action: {@code {{rule.id}}} (the rule's saved-object id) and {@code {{rule.name}}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ElasticRule(String id, String name) {
    }
}
