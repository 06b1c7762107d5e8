package io.breachflow.e2e;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The browser of the browser tests: Debian's headless Chromium and its driver, offline (no Selenium Manager download).
 * Maven cannot bring them, so on a machine without them the first browser test installs them from Debian when it
 * runs as root with apt-get (as on a fresh CI machine), and otherwise fails with the one command that installs them.
 * A missing browser is never a skipped test.
 */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    static final String INSTALL = "apt-get install -y --no-install-recommends chromium chromium-driver";
    private static final Path APT_GET = Path.of("/usr/bin/apt-get");

    private Chromium() {
    }

    /** A fresh headless browser (its own profile: no session, no storage) of 1280×800. */
    static WebDriver start() {
        ensureInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Quits the browser, then stops the stack, each if started, the stack even if quitting fails. */
    static void quitThenStop(WebDriver browser, LocalStack stack) {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    static synchronized void ensureInstalled() {
        if (installed()) {
            return;
        }
        if (!isRoot() || !Files.isExecutable(APT_GET)) {
            throw new IllegalStateException("The browser tests need Chromium and its driver from Debian: sudo " + INSTALL);
        }
        System.out.println("[e2e] Chromium is missing: installing it and its driver from Debian (" + INSTALL + ")");
        run(List.of(APT_GET.toString(), "update", "-qq"));
        run(List.of(APT_GET.toString(), "install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver"));
        if (!installed()) {
            throw new IllegalStateException("apt-get did not install " + BINARY + " and " + DRIVER + ": " + INSTALL);
        }
    }

    private static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) {
        try {
            Path log = Files.createTempFile("breachflow-apt", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed (output in " + log + "): " + INSTALL);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + INSTALL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing Chromium", e);
        }
    }
}
