package io.breachflow.intake.adapter.splunk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The body of Splunk's webhook alert action
 * (<a href="https://help.splunk.com/splunk-enterprise/alert-and-respond/alerting-manual/10.0/configure-alert-actions/use-a-webhook-alert-action">
 * Use a webhook alert action, "Webhook data payload"</a>): the search id, the saved search's name, owner and
 * app, a results link, and the first result row. {@code owner} (a user name) and {@code results_link} are not
 * bound. Of {@code result} only the fields named in {@code ADAPTERS.md} are read; the row is hashed, never copied.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SplunkWebhook(
        String sid,
        @JsonProperty("search_name") String searchName,
        String app,
        Map<String, JsonNode> result) {
}
