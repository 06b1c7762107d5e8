package io.breachflow.intake.adapter.wazuh;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The {@code rule} of a Wazuh alert: the rule's identity, level (0–16), description, groups and compliance tags. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WazuhRule(
        String id,
        Integer level,
        String description,
        List<String> groups,
        List<String> gdpr,
        @JsonProperty("pci_dss") List<String> pciDss) {
}
