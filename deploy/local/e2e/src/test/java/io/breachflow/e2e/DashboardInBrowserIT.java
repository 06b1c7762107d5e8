package io.breachflow.e2e;

import io.breachflow.e2e.BreachflowClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser (headless Debian Chromium through Selenium, offline; DESIGN §6) against the whole
 * system as {@code deploy/local/breachflow} runs it: the board sends the visitor to the stack's Keycloak to sign in,
 * opens its live stream with the token, an alert posted to alert-intake appears as a row WITHOUT a reload, and a
 * click on it shows the incident with its timeline.
 *
 * <p>A missing browser is installed or asked for ({@link Chromium}), never a skipped test. With {@code -Dbreachflow.e2e.update-screenshot=true} the
 * board's screenshot also replaces {@code services/status-dashboard/docs/board.png}; it is always written to
 * {@code target/}.
 */
class DashboardInBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Path repoRoot;
    private static Path targetDir;
    private static LocalStack stack;
    private static BreachflowClient client;
    private static AlertmanagerPayloads payloads;
    private static WebDriver browser;

    @BeforeAll
    static void startTheSystemAndABrowser() {
        Chromium.ensureInstalled();   // before the stack: a machine without a browser learns it at once
        repoRoot = LocalStack.repoRoot();
        Path sharedRunDir = Path.of(System.getProperty("breachflow.e2e.run-dir", "target/e2e-run")).toAbsolutePath();
        targetDir = sharedRunDir.getParent();
        stack = LocalStack.fresh(sharedRunDir.resolveSibling("e2e-run-browser")).up();
        client = new BreachflowClient(stack);
        payloads = AlertmanagerPayloads.load(repoRoot);
        browser = Chromium.start();
    }

    @AfterAll
    static void stopEverything() {
        Chromium.quitThenStop(browser, stack);
    }

    @Test
    void aNewIncidentAppearsLiveAndOpensWithItsTimeline() throws IOException {
        stack.demo();   // a populated board, as a newcomer sees it after `breachflow demo`
        await("the demo's incidents on the dashboard").atMost(PATIENCE).ignoreExceptions()
                .until(() -> client.incidentCount() >= 5);

        browser.get(stack.dashboardUrl() + "/");
        WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
        signIn(wait, "viewer", stack.setting("VIEWER_PASSWORD"));
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-live", "open"));
        wait.until(driver -> rowIds(driver).size() >= 5);
        Set<String> before = rowIds(browser);
        js("window.__sameDocument = 'yes';");   // gone if the page reloads

        Answer accepted = client.postAlertmanager(payloads.group("browser"));
        assertThat(accepted.status()).as("POST /v1/alerts/alertmanager: %s", accepted.body()).isEqualTo(202);
        String newId = wait.until(driver -> rowIds(driver).stream().filter(id -> !before.contains(id)).findFirst().orElse(null));
        assertThat(js("return window.__sameDocument;")).as("the row came without a reload").isEqualTo("yes");
        String rowText = wait.ignoring(StaleElementReferenceException.class).until(driver ->
                driver.findElement(By.cssSelector("tr[data-id='" + newId + "']")).getText());
        assertThat(rowText).contains("OPEN");

        Files.createDirectories(targetDir);
        Path screenshot = targetDir.resolve("board.png");
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        if (Boolean.getBoolean("breachflow.e2e.update-screenshot")) {
            Path docs = repoRoot.resolve("services/status-dashboard/docs/board.png");
            Files.createDirectories(docs.getParent());
            Files.copy(screenshot, docs, StandardCopyOption.REPLACE_EXISTING);
        }

        // The row, not only its title link, opens it. A live update may redraw the row meanwhile: find it afresh.
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.cssSelector("tr[data-id='" + newId + "'] td:nth-child(2)")).click();
            return true;
        });
        wait.until(ExpectedConditions.urlContains("incident.html?id="));
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-live", "open"));
        wait.ignoring(StaleElementReferenceException.class).until(driver -> driver.findElements(By.cssSelector("#timeline li[data-type]"))
                .stream().anyMatch(item -> item.getText().toLowerCase().contains("opened")));
        assertThat(browser.findElement(By.id("incident-title")).getText()).isNotBlank().isNotEqualTo("Incident");
        Files.write(targetDir.resolve("incident.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The page sends an anonymous visitor to the identity provider: Keycloak's own login page (on its own origin),
     * which sends the browser back to the dashboard signed in (authorization code with PKCE, auth.js).
     */
    private static void signIn(WebDriverWait wait, String user, String password) {
        signIn(browser, wait, user, password);
        wait.until(ExpectedConditions.urlToBe(stack.dashboardUrl() + "/"));
    }

    /** Signs in on the provider's login page the browser was sent to; it then goes back to the page it came from. */
    static void signIn(WebDriver browser, WebDriverWait wait, String user, String password) {
        wait.until(ExpectedConditions.urlContains("/realms/breachflow/protocol/openid-connect/auth"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
    }

    /** The ids of the board's rows, read in one script: live updates redraw rows, so element handles go stale. */
    @SuppressWarnings("unchecked")
    private static Set<String> rowIds(WebDriver driver) {
        List<Object> ids = (List<Object>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#board-rows tr[data-id]')).map(row => row.dataset.id);");
        return ids.stream().map(String::valueOf).collect(Collectors.toSet());
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
