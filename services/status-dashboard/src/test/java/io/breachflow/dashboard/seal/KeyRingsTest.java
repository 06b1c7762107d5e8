package io.breachflow.dashboard.seal;

import io.breachflow.service.seal.IncidentKey;
import io.breachflow.service.seal.IncidentKeys;
import io.breachflow.service.seal.KeyRing;
import io.breachflow.service.seal.TextSeal;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A key store that cannot be read fails no answer: sealed texts show as unavailable, plain ones as they are. */
class KeyRingsTest {

    @Test
    void anUnreachableKeyStoreGivesEmptyRingsAndNoTags() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/breachflow_workflow"); // nothing listens on port 1
        nowhere.setConnectTimeout(1);
        KeyRings rings = new KeyRings(new IncidentKeys(nowhere));
        String sealed = TextSeal.seal(new IncidentKey("inc-1", 1, new byte[32]), "Wang Fang");

        Map<String, KeyRing> found = rings.of(List.of("inc-1", "inc-2", "inc-1"));

        assertThat(found).containsOnlyKeys("inc-1", "inc-2");
        assertThat(found.get("inc-1").read(sealed)).isEqualTo(KeyRing.UNAVAILABLE);
        assertThat(rings.of("inc-1").read("written before sealing")).isEqualTo("written before sealing");
        assertThatThrownBy(() -> rings.assigneeTag("Wang Fang")).isInstanceOf(SQLException.class);
    }
}
