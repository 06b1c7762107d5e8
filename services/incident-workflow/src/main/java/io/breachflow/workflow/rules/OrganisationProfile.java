package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.AwarenessSource;
import io.breachflow.contracts.incident.ObligationKind;
import io.breachflow.contracts.incident.OperatorClass;
import io.breachflow.contracts.incident.ProfileTerms;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The facts about the organisation itself that the rules depend on. The configured one
 * ({@code breachflow.organisation.*}, {@link OrganisationProfileProducer}) is recorded on each incident at awareness
 * ({@link #toTerms()}); the incident is then judged by the recorded one ({@link #fromTerms}), so a later change of
 * configuration moves no running clock. Plain tests build it with {@link #defaults()} and the {@code with...} methods.
 *
 * @param operatorClass     picks the CAC reporting clock and recipient
 * @param homeJurisdictions where the organisation is established (ISO 3166 alpha-2, EU for the Union): a rule
 *                          limited to jurisdictions applies when these or the affected subjects' match
 * @param roles             what the organisation is under laws that bind only some organisations (lower-case, e.g.
 *                          {@code hipaa-covered-entity}, {@code hipaa-business-associate})
 * @param internalTargets   what "immediately" and "without undue delay" mean here, per obligation kind: the law
 *                          sets no number, so the organisation must
 * @param awarenessFrom     which time of a detection counts as awareness
 * @param enabledRuleSets   rule-set ids to apply; empty means all
 */
public record OrganisationProfile(OperatorClass operatorClass, Set<String> homeJurisdictions, Set<String> roles,
                                  Map<ObligationKind, Duration> internalTargets, AwarenessSource awarenessFrom,
                                  Set<String> enabledRuleSets) {

    public static final Duration DEFAULT_REMEDIAL_TARGET = Duration.ofHours(1);
    public static final Duration DEFAULT_NOTIFICATION_TARGET = Duration.ofHours(24);

    public OrganisationProfile {
        operatorClass = operatorClass == null ? OperatorClass.OTHER : operatorClass;
        homeJurisdictions = homeJurisdictions == null ? Set.of() : homeJurisdictions.stream()
                .map(code -> code.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        roles = roles == null ? Set.of() : roles.stream()
                .map(role -> role.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
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
        awarenessFrom = awarenessFrom == null ? AwarenessSource.RECEIPT : awarenessFrom;
        enabledRuleSets = enabledRuleSets == null ? Set.of() : Set.copyOf(enabledRuleSets);
    }

    /** An ordinary network operator established in China, with the default targets and every rule set enabled. */
    public static OrganisationProfile defaults() {
        return new OrganisationProfile(OperatorClass.OTHER, Set.of("CN"), Set.of(), Map.of(), AwarenessSource.RECEIPT, Set.of());
    }

    /** The profile as recorded on an incident. */
    public static OrganisationProfile fromTerms(ProfileTerms terms) {
        Map<ObligationKind, Duration> targets = new EnumMap<>(ObligationKind.class);
        terms.internalTargets().forEach((kind, text) -> targets.put(kind, Duration.parse(text)));
        return new OrganisationProfile(terms.operatorClass(), Set.copyOf(terms.homeJurisdictions()), Set.copyOf(terms.roles()),
                targets, terms.awarenessFrom(), Set.copyOf(terms.enabledRuleSets()));
    }

    /** The profile in the form recorded on an incident (sorted lists, ISO-8601 durations). */
    public ProfileTerms toTerms() {
        Map<ObligationKind, String> targets = new EnumMap<>(ObligationKind.class);
        internalTargets.forEach((kind, target) -> targets.put(kind, target.toString()));
        return new ProfileTerms(operatorClass, List.copyOf(new TreeSet<>(homeJurisdictions)), List.copyOf(new TreeSet<>(roles)),
                targets, awarenessFrom, List.copyOf(new TreeSet<>(enabledRuleSets)));
    }

    public OrganisationProfile withOperatorClass(OperatorClass newClass) {
        return new OrganisationProfile(newClass, homeJurisdictions, roles, internalTargets, awarenessFrom, enabledRuleSets);
    }

    public OrganisationProfile withHomeJurisdictions(String... codes) {
        return new OrganisationProfile(operatorClass, Set.of(codes), roles, internalTargets, awarenessFrom, enabledRuleSets);
    }

    public OrganisationProfile withRoles(String... newRoles) {
        return new OrganisationProfile(operatorClass, homeJurisdictions, Set.of(newRoles), internalTargets, awarenessFrom, enabledRuleSets);
    }

    public OrganisationProfile withAwarenessFrom(AwarenessSource source) {
        return new OrganisationProfile(operatorClass, homeJurisdictions, roles, internalTargets, source, enabledRuleSets);
    }

    public OrganisationProfile withEnabledRuleSets(String... ruleSets) {
        return new OrganisationProfile(operatorClass, homeJurisdictions, roles, internalTargets, awarenessFrom, Set.copyOf(List.of(ruleSets)));
    }

    public OrganisationProfile withInternalTarget(ObligationKind kind, Duration target) {
        Map<ObligationKind, Duration> targets = new EnumMap<>(internalTargets);
        targets.put(kind, target);
        return new OrganisationProfile(operatorClass, homeJurisdictions, roles, targets, awarenessFrom, enabledRuleSets);
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
