package io.breachflow.local.postgres;

import java.nio.file.Path;

/**
 * {@link Backup} and {@link Restore} for {@code deploy/local/breachflow backup|restore}, in a JVM of its own.
 *
 * <p>Usage: {@code BackupRestoreMain backup <file> <workflow-db>} | {@code restore <file> <database>}. The server and
 * its superuser come from the environment as for {@link DatabaseRolesMain}. Exit 0: done (and, for a restore,
 * verified); 1: refused, failed, or the restored store did not verify; 2: usage. The summary names counts, indexes and
 * digests only, never an incident's data.
 */
public final class BackupRestoreMain {

    private BackupRestoreMain() {
    }

    public static void main(String[] args) {
        if (args.length != 3 || !(args[0].equals("backup") || args[0].equals("restore"))) {
            System.err.println("usage: BackupRestoreMain backup <file> <workflow-db> | restore <file> <database>");
            System.exit(2);
        }
        PostgresServer server = DatabaseRolesMain.serverFromEnvironment();
        Path file = Path.of(args[1]);
        try {
            int status = args[0].equals("backup") ? backup(server, file, args[2]) : restore(server, file, args[2]);
            System.exit(status);
        } catch (Exception e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static int backup(PostgresServer server, Path file, String database) throws Exception {
        BackupManifest manifest = Backup.run(server, database, file);
        ChainCheckpoint checkpoint = manifest.checkpoint();
        System.out.println("backed up database " + database + " to " + file + " (mode 600: it holds the incidents' keys)");
        System.out.println("  " + checkpoint);
        System.out.println("  dump SHA-256 " + manifest.dumpSha256() + "; manifest " + BackupManifest.fileOf(file));
        if (!checkpoint.valid()) {
            System.out.println("  WARNING: the event chain does not verify in the store backed up: check it with"
                    + " GET /api/audit/verify before you rely on this backup");
        }
        return 0;
    }

    private static int restore(PostgresServer server, Path file, String database) throws Exception {
        Restore.Report report = Restore.run(server, file, database);
        System.out.println("restored " + file + " into " + (report.created() ? "the new" : "the empty") + " database "
                + report.database() + " (owners and grants as dumped: " + String.join(", ", report.roles()) + ")");
        System.out.println("  " + report.checkpoint());
        if (report.manifest() == null) {
            System.out.println("  no manifest beside the dump: compare storeDigest and upToGlobalIndex with a"
                    + " GET /api/audit/verify answer kept from before the backup");
        } else if (report.differences().isEmpty()) {
            System.out.println("  the same store as backed up at " + report.manifest().takenAt()
                    + " (events, chains, upToGlobalIndex, storeDigest)");
        } else {
            System.out.println("  DIFFERS from the backup's manifest: " + String.join("; ", report.differences()));
        }
        System.out.println("  erasures in the log: " + report.erasures().erasedIncidents() + " incidents; keys still"
                + " live from before their erasure, destroyed now: " + report.erasures().keysDestroyed()
                + ". Erasures made after the backup are not in it: make them again (README, \"Backup and restore\")");
        if (!report.verified()) {
            System.out.println("NOT VERIFIED: do not start the workflow on " + report.database());
            return 1;
        }
        System.out.println("verified. Next: start the workflow on it, GET /api/audit/verify, then rebuild the dashboard"
                + " (POST /api/admin/rebuild?verify=true)");
        return 0;
    }
}
