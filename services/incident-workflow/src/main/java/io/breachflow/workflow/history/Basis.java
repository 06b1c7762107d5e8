package io.breachflow.workflow.history;

import io.breachflow.contracts.incident.ProfileTerms;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the incident is judged by, as last recorded: the rule-set versions in force at awareness and the
 * organisation profile, with every recording of it (opening, an earlier detection, a DPO's re-basing) in log order.
 */
public record Basis(Map<String, LocalDate> ruleSetVersions, ProfileTerms profile, List<BasisChange> changes) {

    public Basis {
        // Sorted, so that the JSON (and anything derived from it) is the same on every read.
        ruleSetVersions = ruleSetVersions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(ruleSetVersions));
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
