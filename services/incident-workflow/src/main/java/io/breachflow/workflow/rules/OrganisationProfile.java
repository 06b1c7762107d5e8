package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.ObligationKind;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The facts about the organisation itself that the rules depend on. Produced from {@code breachflow.organisation.*}
 * by {@link OrganisationProfileProducer}; plain tests build it with {@link #defaults()} and the {@code with...}
 * methods.
 *
 * @param operatorClass     picks the CAC reporting clock
 * @param homeJurisdictions where the organisation is established (ISO 3166 alpha-2, EU for the Union): a rule
 *                          limited to jurisdictions applies when these or the affected subjects' match
 * @param internalTargets   what "immediately" and "without undue delay" mean here, per obligation kind: the law
 *                          sets no number, so the organisation must
 * @param enabledRuleSets   rule-set ids to apply; empty means all
 */
public record OrganisationProfile(OperatorClass operatorClass, Set<String> homeJurisdictions,
                                  Map<ObligationKind, Duration> internalTargets, Set<String> enabledRuleSets) {

    public static final Duration DEFAULT_REMEDIAL_TARGET = Duration.ofHours(1);
    public static final Duration DEFAULT_NOTIFICATION_TARGET = Duration.ofHours(24);

    public OrganisationProfile {
        operatorClass = operatorClass == null ? OperatorClass.OTHER : operatorClass;
        homeJurisdictions = homeJurisdictions == null ? Set.of() : homeJurisdictions.stream()
                .map(code -> code.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        Map<ObligationKind, Duration> targets = defaultTargets();
        if (internalTargets != null) {
            targets.putAll(internalTargets);
        }
        targets.forEach((kind, target) -> {
            if (target.isNegative()) {
                throw new IllegalArgumentException("internal target for " + kind + " is negative: " + target);
            }
        });
        internalTargets = Map.copyOf(targets);
        enabledRuleSets = enabledRuleSets == null ? Set.of() : Set.copyOf(enabledRuleSets);
    }

    /** An ordinary network operator established in China, with the default targets and every rule set enabled. */
    public static OrganisationProfile defaults() {
        return new OrganisationProfile(OperatorClass.OTHER, Set.of("CN"), Map.of(), Set.of());
    }

    public OrganisationProfile withOperatorClass(OperatorClass newClass) {
        return new OrganisationProfile(newClass, homeJurisdictions, internalTargets, enabledRuleSets);
    }

    public OrganisationProfile withHomeJurisdictions(String... codes) {
        return new OrganisationProfile(operatorClass, Set.of(codes), internalTargets, enabledRuleSets);
    }

    public OrganisationProfile withEnabledRuleSets(String... ruleSets) {
        return new OrganisationProfile(operatorClass, homeJurisdictions, internalTargets, Set.copyOf(List.of(ruleSets)));
    }

    public OrganisationProfile withInternalTarget(ObligationKind kind, Duration target) {
        Map<ObligationKind, Duration> targets = new EnumMap<>(internalTargets);
        targets.put(kind, target);
        return new OrganisationProfile(operatorClass, homeJurisdictions, targets, enabledRuleSets);
    }

    /** The organisation's own deadline for an obligation the law wants done "immediately". */
    public Duration internalTarget(ObligationKind kind) {
        return internalTargets.get(kind);
    }

    public boolean isEnabled(String ruleSet) {
        return enabledRuleSets.isEmpty() || enabledRuleSets.contains(ruleSet);
    }

    private static Map<ObligationKind, Duration> defaultTargets() {
        Map<ObligationKind, Duration> targets = new EnumMap<>(ObligationKind.class);
        for (ObligationKind kind : ObligationKind.values()) {
            targets.put(kind, DEFAULT_NOTIFICATION_TARGET);
        }
        targets.put(ObligationKind.REMEDIAL_MEASURE, DEFAULT_REMEDIAL_TARGET);
        return targets;
    }
}
