package io.breachflow.intake.adapter.wazuh;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The {@code agent} of a Wazuh alert; agent {@code 000} is the manager itself. The agent's IP is not read. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WazuhAgent(String id, String name) {
}
