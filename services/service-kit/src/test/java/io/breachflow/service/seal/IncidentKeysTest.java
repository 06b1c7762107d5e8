package io.breachflow.service.seal;

import io.breachflow.local.Infrastructure;
import io.breachflow.local.postgres.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real PostgreSQL database of its own. */
class IncidentKeysTest {

    private static PostgresServer postgres;
    private static String database;
    private static IncidentKeys keys;
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @BeforeAll
    static void freshDatabase() throws Exception {
        postgres = Infrastructure.postgres();
        database = postgres.createFreshDatabase("kit_keys_test");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(postgres.jdbcUrl(database));
        dataSource.setUser(postgres.user());
        dataSource.setPassword(postgres.password());
        keys = new IncidentKeys(dataSource);
        keys.createTablesIfAbsent();
        keys.createTablesIfAbsent(); // twice: every start calls it
    }

    @AfterAll
    static void drop() throws Exception {
        postgres.dropDatabase(database);
    }

    @Test
    void anIncidentKeepsOneKeyUntilErasedThenGetsANewGeneration() throws Exception {
        IncidentKey first = keys.current("inc-a", NOW);
        String before = TextSeal.seal(first, "before the erasure");

        assertThat(keys.current("inc-a", NOW).secret()).isEqualTo(first.secret());
        assertThat(keys.ringOf("inc-a").read(before)).isEqualTo("before the erasure");

        assertThat(keys.destroy("inc-a", NOW)).isEqualTo(1);
        assertThat(keys.destroy("inc-a", NOW)).isZero();
        assertThat(keys.ringOf("inc-a").read(before)).isEqualTo(KeyRing.ERASED);

        IncidentKey second = keys.current("inc-a", NOW);
        String after = TextSeal.seal(second, "after the erasure");
        assertThat(second.generation()).isEqualTo(2);
        KeyRing ring = keys.ringOf("inc-a");
        assertThat(ring.read(after)).isEqualTo("after the erasure");
        assertThat(ring.read(before)).isEqualTo(KeyRing.ERASED);
    }

    @Test
    void concurrentFirstUsesAgreeOnOneKey() throws Exception {
        List<CompletableFuture<IncidentKey>> racers = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return keys.current("inc-race", NOW);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
        List<IncidentKey> got = racers.stream().map(CompletableFuture::join).toList();

        assertThat(got).extracting(IncidentKey::generation).containsOnly(1);
        assertThat(got.stream().map(k -> java.util.HexFormat.of().formatHex(k.secret())).distinct()).hasSize(1);
    }

    @Test
    void ringsOfSeveralIncidentsAtOnceIncludeThoseWithoutKeys() throws Exception {
        IncidentKey b = keys.current("inc-b", NOW);
        Map<String, KeyRing> rings = keys.ringsOf(List.of("inc-b", "inc-none"));

        assertThat(rings.get("inc-b").live()).containsKey(b.generation());
        assertThat(rings.get("inc-none").live()).isEmpty();
        assertThat(rings.get("inc-none").erased()).isFalse();
    }

    @Test
    void aDeploymentSecretIsCreatedOnceAndSharedByEveryReader() throws Exception {
        assertThat(keys.findDeploymentSecret("assignee-tag")).isEmpty();
        byte[] first = keys.deploymentSecret("assignee-tag");
        assertThat(keys.findDeploymentSecret("assignee-tag")).hasValueSatisfying(found -> assertThat(found).isEqualTo(first));
        assertThat(first).hasSize(32);
        assertThat(keys.deploymentSecret("assignee-tag")).isEqualTo(first);
        assertThat(keys.deploymentSecret("another")).isNotEqualTo(first);
    }
}
