package io.breachflow.workflow.rules;

import io.breachflow.contracts.incident.OperatorClass;

import io.breachflow.contracts.incident.ObligationKind;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code breachflow.organisation.*} → {@link OrganisationProfile}, through SmallRye Config as Quarkus does it. */
class OrganisationConfigTest {

    private static OrganisationProfile profileFrom(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(OrganisationConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return OrganisationProfileProducer.fromConfig(config.getConfigMapping(OrganisationConfig.class));
    }

    @Test
    void defaultsAreAnOrdinaryChineseOperatorWithEveryRuleSet() {
        OrganisationProfile profile = profileFrom(Map.of());

        assertThat(profile).isEqualTo(OrganisationProfile.defaults());
        assertThat(profile.operatorClass()).isEqualTo(OperatorClass.OTHER);
        assertThat(profile.homeJurisdictions()).containsExactly("CN");
        assertThat(profile.internalTarget(ObligationKind.REMEDIAL_MEASURE)).isEqualTo(Duration.ofHours(1));
        assertThat(profile.internalTarget(ObligationKind.REGULATOR_NOTIFICATION)).isEqualTo(Duration.ofHours(24));
        assertThat(profile.isEnabled("gdpr")).isTrue();
    }

    @Test
    void everyPropertyOverridesItsDefault() {
        OrganisationProfile profile = profileFrom(Map.of(
                "breachflow.organisation.operator-class", "CRITICAL_INFORMATION_INFRASTRUCTURE",
                "breachflow.organisation.home-jurisdictions", "cn,DE",
                "breachflow.organisation.enabled-rule-sets", "pipl,gdpr",
                "breachflow.organisation.internal-target.remedial-measure", "PT30M",
                "breachflow.organisation.internal-target.data-subject-notification", "PT48H"));

        assertThat(profile.operatorClass()).isEqualTo(OperatorClass.CRITICAL_INFORMATION_INFRASTRUCTURE);
        assertThat(profile.homeJurisdictions()).containsExactlyInAnyOrder("CN", "DE");
        assertThat(profile.isEnabled("gdpr")).isTrue();
        assertThat(profile.isEnabled("hipaa")).isFalse();
        assertThat(profile.internalTarget(ObligationKind.REMEDIAL_MEASURE)).isEqualTo(Duration.ofMinutes(30));
        assertThat(profile.internalTarget(ObligationKind.DATA_SUBJECT_NOTIFICATION)).isEqualTo(Duration.ofHours(48));
        assertThat(profile.internalTarget(ObligationKind.FINAL_REPORT)).isEqualTo(Duration.ofHours(24));
    }
}
