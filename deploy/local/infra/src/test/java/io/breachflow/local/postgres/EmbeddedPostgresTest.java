package io.breachflow.local.postgres;

import com.sun.security.auth.module.UnixSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled PostgreSQL server: real programs from Maven Central, started, used, stopped and started again. */
class EmbeddedPostgresTest {

    @TempDir
    Path temp;

    @Test
    void startsAcceptsConnectionsStopsAndKeepsItsDataAcrossARestart() throws Exception {
        Path dir = temp.resolve("pg");
        EmbeddedPostgres first = EmbeddedPostgres.start(dir);
        try {
            PostgresServer server = first.server();
            assertThat(server.whyUnreachable()).isNull();
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (value text)");
                statement.execute("INSERT INTO kept VALUES ('across a restart')");
            }
            // scram-sha-256: a wrong password is refused (no trust for whoever else is on the machine).
            assertThat(new PostgresServer(server.host(), server.port(), server.user(), "wrong").whyUnreachable())
                    .contains("password authentication failed");
            // Never root: PostgreSQL refuses it, so as root the server runs as the unprivileged system user.
            String owner = Files.getOwner(Path.of("/proc/" + first.pid())).getName();
            assertThat(owner).isEqualTo(new UnixSystem().getUid() == 0 ? ServerAccount.SYSTEM_USER : System.getProperty("user.name"));
        } finally {
            first.stop();
        }
        assertThat(first.server().whyUnreachable()).isNotNull();
        assertThat(dir.resolve("data/postmaster.pid")).doesNotExist();

        EmbeddedPostgres second = EmbeddedPostgres.start(dir);
        try {
            PostgresServer server = second.server();
            assertThat(server.port()).isEqualTo(first.server().port());
            assertThat(server.password()).isEqualTo(first.server().password());
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(), server.password());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT value FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("across a restart");
            }
            // Started again while it runs (a backup beside a running stack): the running server, not a second one.
            assertThat(EmbeddedPostgres.start(dir).pid()).isEqualTo(second.pid());
        } finally {
            second.stop();
        }
    }
}
