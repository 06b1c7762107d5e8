package io.breachflow.intake.adapter.wazuh;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.breachflow.contracts.detection.AlertStatus;
import io.breachflow.contracts.detection.Detection;
import io.breachflow.contracts.detection.HarmKind;
import io.breachflow.contracts.detection.Severity;
import io.breachflow.intake.adapter.Digests;
import io.breachflow.intake.adapter.Fixtures;
import io.breachflow.service.problem.Problem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.function.Consumer;

import static io.breachflow.intake.adapter.Fixtures.RECEIVED_AT;
import static org.assertj.core.api.Assertions.assertThat;

/** The mapping of a Wazuh alert (forwarded by the custom integration) to a detection, and what it refuses. */
class WazuhAdapterTest {

    static final String FIXTURE = "authentication-failure.json";
    final WazuhAdapter adapter = new WazuhAdapter();

    Detection map(ObjectNode alert) {
        return adapter.toDetections(alert, Fixtures.bytes(alert), RECEIVED_AT).get(0);
    }

    static ObjectNode sample() {
        return Fixtures.tree("wazuh", FIXTURE);
    }

    static ObjectNode rule(ObjectNode alert) {
        return (ObjectNode) alert.get("rule");
    }

    Problem rejectionOf(Consumer<ObjectNode> change) {
        return Fixtures.rejectionOf(adapter, sample(), change);
    }

    @Test
    void canMapTheFixtureToADetection() {
        byte[] raw = Fixtures.bytes("wazuh", FIXTURE);
        Detection detection = adapter.toDetections(sample(), raw, RECEIVED_AT).get(0);

        assertThat(detection.sourceSystem()).isEqualTo("wazuh");
        assertThat(detection.upstreamId()).isEqualTo("1715678112.2718421");
        assertThat(detection.id()).isEqualTo(Digests.detectionId("wazuh", "1715678112.2718421"));
        assertThat(detection.correlationKey()).isEqualTo(Fixtures.correlationKey("wazuh", "5710\ncrm-db-01"));
        assertThat(detection.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(detection.severity()).isEqualTo(Severity.LOW);
        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.personalDataCategories()).isEmpty();
        assertThat(detection.assets()).containsExactly("crm-db-01");
        assertThat(detection.title()).isEqualTo("sshd: Attempt to login using a non-existent user");
        assertThat(detection.description()).isEqualTo(
                "Wazuh rule 5710 (level 5), groups: syslog, sshd, authentication_failed, invalid_login");
        assertThat(detection.observedAt()).isEqualTo(Instant.parse("2024-05-14T09:15:12.482Z"));
        assertThat(detection.receivedAt()).isEqualTo(RECEIVED_AT);
        assertThat(detection.labels()).containsEntry("rule_id", "5710").containsEntry("rule_level", "5")
                .containsEntry("gdpr", "IV_35.7.d,IV_32.2").containsEntry("pci_dss", "10.2.4,10.2.5,10.6.1")
                .containsEntry("agent_id", "003");
        assertThat(detection.payloadSha256()).isEqualTo(Fixtures.sha256(raw));
    }

    @Test
    void canKeepTheLogLineAndEventDataOutOfTheDetection() {
        assertThat(map(sample()).toString()).doesNotContain("jane.doe").doesNotContain("203.0.113.45");
    }

    @Test
    void canMapWazuhLevelsToSeverities() {
        int[] levels = {0, 3, 4, 6, 7, 11, 12, 14, 15, 16};
        Severity[] expected = {Severity.INFO, Severity.INFO, Severity.LOW, Severity.LOW, Severity.MEDIUM,
                Severity.MEDIUM, Severity.HIGH, Severity.HIGH, Severity.CRITICAL, Severity.CRITICAL};
        for (int i = 0; i < levels.length; i++) {
            ObjectNode alert = sample();
            rule(alert).put("level", levels[i]);
            assertThat(map(alert).severity()).as("level " + levels[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void canDeriveHarmFromFileIntegrityGroupsUnlessARuleGroupNamesIt() {
        ObjectNode deleted = sample();
        rule(deleted).putArray("groups").add("ossec").add("syscheck").add("syscheck_entry_deleted").add("syscheck_file");
        assertThat(map(deleted).harm()).isEqualTo(HarmKind.LOSS);

        ObjectNode modified = sample();
        rule(modified).putArray("groups").add("syscheck").add("syscheck_entry_modified");
        assertThat(map(modified).harm()).isEqualTo(HarmKind.TAMPERING);

        ObjectNode explicit = sample();
        rule(explicit).putArray("groups").add("syscheck_entry_modified").add("breach_harm:disclosure")
                .add("personal_data:customer_record");
        Detection detection = map(explicit);
        assertThat(detection.harm()).isEqualTo(HarmKind.DISCLOSURE);
        assertThat(detection.personalDataCategories()).containsExactly("customer_record");
    }

    @Test
    void canIdentifyTheManagerByAgentIdWithoutName() {
        ObjectNode alert = sample();
        alert.putObject("agent").put("id", "000");
        assertThat(map(alert).assets()).containsExactly("000");
        alert.remove("agent");
        assertThat(map(alert).assets()).isEmpty();
    }

    @Test
    void cannotAcceptAnAlertWithoutItsRequiredFields() {
        assertThat(rejectionOf(alert -> alert.remove("id")).detail()).isEqualTo("id is missing");
        assertThat(rejectionOf(alert -> alert.remove("timestamp")).detail()).isEqualTo("timestamp is missing");
        assertThat(rejectionOf(alert -> alert.remove("rule")).detail()).isEqualTo("rule is missing");
        assertThat(rejectionOf(alert -> rule(alert).remove("id")).detail()).isEqualTo("rule.id is missing");
        assertThat(rejectionOf(alert -> rule(alert).remove("level")).detail()).isEqualTo("rule.level is missing");
    }

    @Test
    void cannotAcceptAMalformedField() {
        assertThat(rejectionOf(alert -> rule(alert).put("level", 17)).detail())
                .isEqualTo("rule.level must be an integer from 0 to 16");
        assertThat(rejectionOf(alert -> alert.put("timestamp", "May 14 09:15:11")).detail())
                .startsWith("timestamp is not an RFC 3339 date-time");
        assertThat(rejectionOf(alert -> rule(alert).withArray("groups").add("breach_harm:stolen")).detail())
                .startsWith("rule.groups must name one of");
        assertThat(rejectionOf(alert -> rule(alert).put("level", "high")).detail()).contains("level");
    }
}
