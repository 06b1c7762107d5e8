package io.breachflow.service.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostAllowListTest {

    @Test
    void byDefaultTheLoopbackNamesAndTheConfiguredHost() {
        HostAllowList hosts = new HostAllowList(List.of(), "breachflow.internal");
        assertThat(hosts.allows("localhost:8080")).isTrue();
        assertThat(hosts.allows("127.0.0.1")).isTrue();
        assertThat(hosts.allows("[::1]:8081")).isTrue();
        assertThat(hosts.allows("LOCALHOST.")).isTrue();
        assertThat(hosts.allows("breachflow.internal:8082")).isTrue();
        assertThat(hosts.allows("attacker.example")).isFalse();
        assertThat(hosts.allows("localhost.attacker.example")).isFalse();
        assertThat(hosts.allows(null)).isFalse();
    }

    @Test
    void aConfiguredListReplacesTheDefault() {
        HostAllowList hosts = new HostAllowList(List.of("dashboard.example.org"), "0.0.0.0");
        assertThat(hosts.allows("dashboard.example.org:443")).isTrue();
        assertThat(hosts.allows("localhost")).isFalse();
    }
}
