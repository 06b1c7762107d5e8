package io.breachflow.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Programs a test needs that Maven cannot bring (Chromium for the browser tests, docker-compose for the compose file's
 * check): on a machine without them, installed from Debian when the build runs as root with apt-get (as on a fresh CI
 * machine), otherwise a failure naming the one command that installs them. A missing program is never a skipped test.
 *
 * @param what     what the programs are for, for messages, e.g. "the browser tests"
 * @param programs the files that must be executable afterwards
 * @param packages the Debian packages that provide them
 */
public record DebianPackages(String what, List<Path> programs, List<String> packages) {

    private static final Path APT_GET = Path.of("/usr/bin/apt-get");

    public DebianPackages {
        programs = List.copyOf(programs);
        packages = List.copyOf(packages);
    }

    /** The command that installs them, as a person types it. */
    public String installCommand() {
        return "apt-get install -y --no-install-recommends " + String.join(" ", packages);
    }

    public boolean installed() {
        return programs.stream().allMatch(Files::isExecutable);
    }

    /** Installs the packages unless every program is there already; fails if that is not possible. */
    public synchronized void ensureInstalled() {
        if (installed()) {
            return;
        }
        if (!isRoot() || !Files.isExecutable(APT_GET)) {
            throw new IllegalStateException(what + " need " + programs + " from Debian: sudo " + installCommand());
        }
        System.out.println("[" + what + "] " + programs + " missing: installing from Debian (" + installCommand() + ")");
        run(List.of(APT_GET.toString(), "update", "-qq"));
        List<String> install = new ArrayList<>(List.of(APT_GET.toString(), "install", "-y", "-qq", "--no-install-recommends"));
        install.addAll(packages);
        run(install);
        if (!installed()) {
            throw new IllegalStateException("apt-get did not install " + programs + ": " + installCommand());
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void run(List<String> command) {
        try {
            Path log = Files.createTempFile("breachflow-apt", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed (output in " + log + "): " + installCommand());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + installCommand(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing " + packages, e);
        }
    }
}
