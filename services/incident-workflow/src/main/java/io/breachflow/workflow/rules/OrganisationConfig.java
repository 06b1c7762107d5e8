package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.OperatorClass;

import io.breachflow.contracts.incident.AwarenessSource;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code breachflow.organisation.*}: who the organisation is, for the rules and the filings. Recorded on each incident
 * at awareness: a change here applies to new incidents, and to a running one only when the DPO re-bases it. Defaults are documented
 * in application.properties; {@link OrganisationProfileProducer} turns this into an {@link OrganisationProfile}.
 */
@ConfigMapping(prefix = "breachflow.organisation")
public interface OrganisationConfig {

    /** Who files: the organisation's name, as filings name it (no event holds it; a filing never invents it). */
    @WithDefault("[not configured: breachflow.organisation.name]")
    String name();

    /** How authorities and people reach the organisation about the incident. */
    @WithDefault("[not configured: breachflow.organisation.contact]")
    String contact();

    /** How to reach the data-protection officer (GDPR Art. 33(3)(b)). */
    @WithDefault("[not configured: breachflow.organisation.dpo-contact]")
    String dpoContact();

    /** Picks the CAC reporting clock: 1 h, 2 h or 4 h. */
    @WithDefault("OTHER")
    OperatorClass operatorClass();

    /** Where the organisation is established (ISO 3166 alpha-2, EU for the Union). */
    @WithDefault("CN")
    List<String> homeJurisdictions();

    /**
     * What the organisation is under laws that bind only some organisations, e.g. {@code hipaa-covered-entity},
     * {@code hipaa-business-associate}; absent means none.
     */
    Optional<List<String>> roles();

    /** Which time of a detection counts as awareness: RECEIPT (Breachflow's receipt) or ALERT_TIME (the alert's own). */
    @WithDefault("RECEIPT")
    AwarenessSource awarenessFrom();

    /** Rule-set ids to apply; absent means all. An unknown id fails startup (a typo must not disable the law). */
    Optional<List<String>> enabledRuleSets();

    /** What "immediately" and "without undue delay" mean here, per obligation kind. */
    InternalTarget internalTarget();

    /** One organisation-set deadline per obligation kind. */
    interface InternalTarget {

        @WithDefault("PT1H")
        Duration remedialMeasure();

        @WithDefault("PT24H")
        Duration regulatorNotification();

        @WithDefault("PT24H")
        Duration dataSubjectNotification();

        @WithDefault("PT24H")
        Duration finalReport();
    }
}
