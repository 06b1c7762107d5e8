package io.breachflow.contracts.incident;

import java.util.List;
import java.util.Map;

/**
 * The organisation profile an incident is judged under, as recorded on it: a later change of configuration does not
 * move its clocks (only an explicit, recorded re-basing does).
 *
 * @param operatorClass     picks the CAC reporting clock and recipient
 * @param homeJurisdictions where the organisation is established (ISO 3166 alpha-2, EU for the Union)
 * @param roles             what the organisation is under laws that bind only some organisations, e.g.
 *                          {@code hipaa-covered-entity}; lower-case words
 * @param internalTargets   what "immediately" and "without undue delay" mean here, per obligation kind, as ISO-8601
 *                          durations (strings, so that the JSON is the same in every reader)
 * @param awarenessFrom     which time of a detection counts as awareness
 * @param enabledRuleSets   rule-set ids applied; empty means all
 */
public record ProfileTerms(
        OperatorClass operatorClass,
        List<String> homeJurisdictions,
        List<String> roles,
        Map<ObligationKind, String> internalTargets,
        AwarenessSource awarenessFrom,
        List<String> enabledRuleSets) {

    public ProfileTerms {
        homeJurisdictions = homeJurisdictions == null ? List.of() : List.copyOf(homeJurisdictions);
        roles = roles == null ? List.of() : List.copyOf(roles);
        internalTargets = internalTargets == null ? Map.of() : Map.copyOf(internalTargets);
        awarenessFrom = awarenessFrom == null ? AwarenessSource.RECEIPT : awarenessFrom;
        enabledRuleSets = enabledRuleSets == null ? List.of() : List.copyOf(enabledRuleSets);
    }
}
