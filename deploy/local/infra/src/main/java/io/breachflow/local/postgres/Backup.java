package io.breachflow.local.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Backs up the workflow's database (the source of truth: events, their chain, the incidents' keys, tokens, deadlines,
 * dead letters) with {@code pg_dump} in its custom format, readable only by its owner, and writes the
 * {@link BackupManifest} beside it. The dashboard's database is not backed up: it holds only read models, rebuilt
 * from the events (README, "Backup and restore").
 *
 * <p>The checkpoint in the manifest and the dump come from one snapshot: this class opens a repeatable-read
 * transaction, exports its snapshot and has {@code pg_dump} read through it, so the digest describes exactly the rows
 * in the dump although the workflow keeps appending meanwhile.
 */
public final class Backup {

    private Backup() {
    }

    /** Dumps {@code database} to {@code dump} (which must not exist yet); answers the manifest written beside it. */
    public static BackupManifest run(PostgresServer server, String database, Path dump) throws IOException, SQLException {
        if (Files.exists(dump) || Files.exists(BackupManifest.fileOf(dump))) {
            throw new IOException(dump + " (or its .manifest) exists already: a backup never overwrites another;"
                    + " name a new file");
        }
        Files.createDirectories(dump.toAbsolutePath().getParent());
        // The dump holds the incidents' keys: as secret as the database. pg_dump keeps the mode of a file it truncates.
        Files.createFile(dump, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password())) {
            c.setAutoCommit(false);
            String snapshot;
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                try (ResultSet r = s.executeQuery("SELECT pg_export_snapshot()")) {
                    r.next();
                    snapshot = r.getString(1);
                }
            }
            if (ChainCheckpoint.count(c, "SELECT count(*) FROM unnest(ARRAY['public.domain_event_entry', 'public.event_chain'])"
                    + " AS t(name) WHERE to_regclass(t.name) IS NULL") > 0) {
                throw new IOException("database " + database + " is not a Breachflow workflow database (no event store"
                        + " with its chain: domain_event_entry, event_chain)");
            }
            ChainCheckpoint checkpoint = ChainCheckpoint.of(c);
            Instant takenAt = Instant.now();
            PostgresTools.run(server, "pg_dump", List.of("--format=custom", "--snapshot=" + snapshot,
                    "--file=" + dump.toAbsolutePath(), "--dbname=" + database));
            c.commit();
            BackupManifest manifest = new BackupManifest(database, takenAt, BackupManifest.sha256(dump), checkpoint);
            manifest.write(dump);
            return manifest;
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(dump); // no half-written backup that looks like one
            throw e;
        }
    }
}
