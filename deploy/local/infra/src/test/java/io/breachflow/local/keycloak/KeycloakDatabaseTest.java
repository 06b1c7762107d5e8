package io.breachflow.local.keycloak;

import io.breachflow.local.Infrastructure;
import io.breachflow.local.postgres.PostgresServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On the machine's (or the configured) PostgreSQL, as the launcher does it. */
class KeycloakDatabaseTest {

    @Test
    void aDatabaseOfItsOwnThatOnlyItsRoleReachesAndThatDropLeavesNoTraceOf() throws Exception {
        PostgresServer postgres = Infrastructure.postgres();
        String prefix = "bf_kc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        KeycloakDatabase database = new KeycloakDatabase(prefix);
        try {
            database.setUp(postgres, "0a1b2c");
            database.setUp(postgres, "3d4e5f"); // idempotent; the stored password wins
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(database.name()), database.name(), "3d4e5f");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE realm_probe (id int)"); // Keycloak makes its own tables
                try (var rows = s.executeQuery("SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user")) {
                    rows.next();
                    assertThat(rows.getBoolean(1)).as("superuser or createdb").isFalse();
                }
            }
            assertThatThrownBy(() -> database.setUp(postgres, "x'; DROP ROLE postgres; --"))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            database.drop(postgres);
        }
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(), postgres.password());
             Statement s = c.createStatement();
             var rows = s.executeQuery("SELECT (SELECT count(*) FROM pg_database WHERE datname = '" + database.name()
                     + "') + (SELECT count(*) FROM pg_roles WHERE rolname = '" + database.name() + "')")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
        database.drop(postgres); // harmless when gone
    }

    @Test
    void refusesNamesThatAreNotPlain() {
        assertThatThrownBy(() -> new KeycloakDatabase("Bad-Name")).isInstanceOf(IllegalArgumentException.class);
    }
}
