package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.ObligationKind;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Makes the {@link OrganisationProfile} a CDI bean, read once from {@link OrganisationConfig}. */
public class OrganisationProfileProducer {

    @Produces
    @Singleton
    OrganisationProfile profile(OrganisationConfig config) {
        return fromConfig(config);
    }

    /** Also used by tests, which build the config without starting Quarkus. */
    static OrganisationProfile fromConfig(OrganisationConfig config) {
        OrganisationConfig.InternalTarget target = config.internalTarget();
        return new OrganisationProfile(
                config.operatorClass(),
                Set.copyOf(config.homeJurisdictions()),
                Set.copyOf(config.roles().orElse(List.of())),
                Map.of(ObligationKind.REMEDIAL_MEASURE, target.remedialMeasure(),
                        ObligationKind.REGULATOR_NOTIFICATION, target.regulatorNotification(),
                        ObligationKind.DATA_SUBJECT_NOTIFICATION, target.dataSubjectNotification(),
                        ObligationKind.FINAL_REPORT, target.finalReport()),
                config.awarenessFrom(),
                Set.copyOf(config.enabledRuleSets().orElse(List.of())));
    }
}
