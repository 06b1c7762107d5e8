package io.breachflow.e2e;

import io.breachflow.local.DebianPackages;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The browser of the browser tests: Debian's headless Chromium and its driver, offline (no Selenium Manager download).
 * Maven cannot bring them, so on a machine without them the first browser test installs them from Debian when it
 * runs as root with apt-get (as on a fresh CI machine), and otherwise fails with the one command that installs them
 * ({@link DebianPackages}). A missing browser is never a skipped test.
 */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    /** Matching versions of the browser and its driver, from one Debian source. */
    private static final DebianPackages PACKAGES = new DebianPackages("the browser tests", List.of(BINARY, DRIVER),
            List.of("chromium", "chromium-driver"));

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

    static void ensureInstalled() {
        PACKAGES.ensureInstalled();
    }
}
