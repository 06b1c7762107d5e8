package io.breachflow.e2e;

import io.breachflow.e2e.BreachflowClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: an incident worked from alert to closure through the console alone, in a real browser (headless
 * Chromium) against the whole local stack, signed in on Keycloak's own login page. The responder triages it with the
 * keyboard only, starts a measure, is refused the resolution while the measure runs (the workflow's problem detail is
 * shown), completes it, assesses and grades the incident and resolves it. The DPO is refused the closure while
 * obligations are open, waives each one the law gives a ground for and records the report or notice for the others
 * (their content the filing generated from the log), then closes it; looks at the filings and at the incident as it
 * stood one hour after awareness; and reads the page in Simplified Chinese. A viewer sees no action at all.
 *
 * <p>With {@code -Dbreachflow.e2e.update-screenshot=true} the incident page's screenshot also replaces
 * {@code services/status-dashboard/docs/incident.png}; it is always written to {@code target/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleInBrowserIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Path repoRoot;
    private static Path targetDir;
    private static LocalStack stack;
    private static BreachflowClient client;
    private static WebDriver browser;
    private static WebDriverWait wait;
    private static String incidentId;

    @BeforeAll
    static void startTheSystemAndABrowser() {
        Chromium.ensureInstalled();
        repoRoot = LocalStack.repoRoot();
        Path sharedRunDir = Path.of(System.getProperty("breachflow.e2e.run-dir", "target/e2e-run")).toAbsolutePath();
        targetDir = sharedRunDir.getParent();
        stack = LocalStack.fresh(sharedRunDir.resolveSibling("e2e-run-console")).up();
        client = new BreachflowClient(stack);
        Answer accepted = client.postAlertmanager(AlertmanagerPayloads.load(repoRoot).group("console"));
        assertThat(accepted.status()).as("POST /v1/alerts/alertmanager: %s", accepted.body()).isEqualTo(202);
        await("the incident on the dashboard").atMost(PATIENCE).ignoreExceptions().until(() -> client.incidents().size() == 1);
        incidentId = client.incidents().get(0).path("id").asText();
    }

    @AfterAll
    static void stopEverything() {
        Chromium.quitThenStop(browser, stack);
    }

    @Test
    @Order(1)
    void aViewerReadsTheIncidentButIsOfferedNoAction() {
        openAs("viewer", stack.setting("VIEWER_PASSWORD"));
        wait.until(driver -> driver.findElement(By.id("work-status")).getText().contains("take no action"));
        assertThat(browser.findElements(By.cssSelector("details.action"))).as("actions offered to a viewer").isEmpty();
        assertThat(browser.findElement(By.id("whoami")).getText()).contains("viewer");
    }

    @Test
    @Order(2)
    void theResponderWorksTheIncidentToItsResolution() {
        openAs("responder", stack.setting("RESPONDER_PASSWORD"));
        wait.until(driver -> actionsOffered().contains("triage"));
        assertThat(actionsOffered()).as("the responder's actions on an OPEN incident")
                .contains("triage", "assign", "measure", "note").doesNotContain("close", "erase", "profile");

        // Triage with the keyboard alone: the disclosure opens on Enter and focuses its first field.
        WebElement summary = action("triage").findElement(By.tagName("summary"));
        focus(summary);
        summary.sendKeys(Keys.ENTER);
        wait.until(driver -> "verdict".equals(focused().getAttribute("name")));
        focused().sendKeys("CONFIRMED");
        focused().sendKeys(Keys.TAB);
        focused().sendKeys("Export of the customer table reached an unknown host");
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getAttribute("type")).as("the next Tab stop after the rationale").isEqualTo("submit");
        clearResult();
        focused().sendKeys(Keys.ENTER);
        awaitResult("done", "Triage");
        awaitStatus("CONFIRMED");

        submit("measure", form -> {
            new Select(form.findElement(By.name("kind"))).selectByValue("REVOKE_CREDENTIALS");
            form.findElement(By.name("description")).sendKeys("Revoked the export job's database credentials");
        });
        awaitResult("done", "Start a measure");

        // Refused: the workflow will not resolve while a measure runs, and the page says why in its words.
        wait.until(driver -> actionsOffered().contains("resolve"));
        submit("resolve", form -> form.findElement(By.name("rootCause")).sendKeys("A leaked job credential"));
        String refusal = awaitResult("refused", "Resolve");
        assertThat(refusal).as("the problem's detail").contains("409").contains("Remedial measures are still running");
        assertThat(action("resolve").findElement(By.name("rootCause")).getAttribute("value"))
                .as("what was typed is kept after a refusal").isEqualTo("A leaked job credential");

        WebElement complete = wait.until(driver -> driver.findElement(By.cssSelector("#measures details[data-action='complete-measure']")));
        click(complete.findElement(By.tagName("summary")));
        complete.findElement(By.name("outcome")).sendKeys("The job can no longer read the table");
        clearResult();
        click(complete.findElement(By.cssSelector("button[type='submit']")));
        awaitResult("done", "Complete");

        submit("assessment", form -> {
            form.findElement(By.name("personalDataCategories")).sendKeys("email, phone_number");
            form.findElement(By.name("subjectsAffected")).sendKeys("1200");
            form.findElement(By.name("recordsAffected")).sendKeys("1500");
            form.findElement(By.name("likelyConsequences")).sendKeys("Phishing against the customers");
        });
        awaitResult("done", "Assess the impact");
        submit("grade", form -> {
            new Select(form.findElement(By.name("grade"))).selectByValue("GENERAL");
            form.findElement(By.name("rationale")).sendKeys("Fewer than 100,000 people, no sensitive data");
        });
        awaitResult("done", "Grade");
        submit("resolve", form -> { });   // the root cause typed before the refusal is still there
        awaitResult("done", "Resolve");
        awaitStatus("RESOLVED");
        assertThat(actionsOffered()).as("a responder is never offered the closure").doesNotContain("close");
    }

    @Test
    @Order(3)
    void theDpoMeetsTheObligationsAndClosesTheIncident() throws IOException {
        openAs("dpo", stack.setting("DPO_PASSWORD"));
        wait.until(driver -> actionsOffered().contains("close"));
        submit("close", form -> form.findElement(By.name("summary")).sendKeys("Credentials rotated, customers told"));
        assertThat(awaitResult("refused", "Close")).contains("Obligations neither fulfilled nor waived");
        screenshot();   // the refusal, and the open obligations with what each needs and how to meet it

        int met = 0;
        for (int round = 0; round < 12 && !openObligations().isEmpty(); round++) {
            String obligationId = openObligations().get(0);
            meet(obligationId);
            wait.until(driver -> !openObligations().contains(obligationId));
            met++;
        }
        assertThat(openObligations()).as("obligations still open after %d were met", met).isEmpty();
        assertThat(met).as("obligations the DPO met through the page").isPositive();

        submit("close", form -> { });
        awaitResult("done", "Close");
        awaitStatus("CLOSED");
        await("CLOSED in the workflow's history").atMost(PATIENCE).until(() ->
                client.get(stack.workflowUrl() + "/api/incidents/" + incidentId + "/history", stack.viewerToken())
                        .json().path("status").asText().equals("CLOSED"));
    }

    @Test
    @Order(4)
    void theFilingsPreviewAndTheIncidentAsItStoodAnHourAfterAwareness() {
        WebElement filing = wait.until(driver -> driver.findElement(By.cssSelector("#filings li[data-filing]")));
        click(filing.findElement(By.cssSelector("button[data-filing-action='Preview']")));
        WebElement preview = filing.findElement(By.cssSelector("pre.filing-preview"));
        wait.until(driver -> preview.isDisplayed() && preview.getText().contains("#"));
        assertThat(preview.getText()).as("the filing generated from the log, as Markdown").contains("SHA-256");

        // All of it happened within minutes: an hour after awareness the log already held the closure, and a day
        // before it held nothing of this incident.
        click(browser.findElement(By.cssSelector("button[data-t-plus='1']")));
        wait.until(driver -> driver.findElement(By.id("asof-result")).getText().contains("What the log held at"));
        assertThat(browser.findElement(By.id("asof-result")).getText()).as("T+1 h").contains("CLOSED").contains("1 started, 1 completed");
        WebElement at = browser.findElement(By.id("asof-at"));
        js("arguments[0].value = '2020-01-01T00:00:00'", at);
        click(browser.findElement(By.cssSelector("#asof-form button[type='submit']")));
        wait.until(driver -> driver.findElement(By.id("asof-result")).getText().contains("was not yet opened"));
    }

    @Test
    @Order(5)
    void thePageReadsInSimplifiedChinese() {
        new Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");
        wait.until(driver -> driver.findElement(By.id("work-title")).getText().equals("处置事件"));
        assertThat(js("return document.documentElement.lang")).isEqualTo("zh-CN");
        wait.until(driver -> driver.findElement(By.id("facts")).getText().contains("已关闭"));
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        wait.until(driver -> driver.findElement(By.id("work-title")).getText().equals("Work the incident"));
    }

    /** The incident page from its "Work the incident" section down, for the README. */
    private static void screenshot() throws IOException {
        Files.createDirectories(targetDir);
        Path screenshot = targetDir.resolve("incident.png");
        js("window.scrollTo(0, document.getElementById('work').offsetTop - 8)");
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        if (Boolean.getBoolean("breachflow.e2e.update-screenshot")) {
            Path docs = repoRoot.resolve("services/status-dashboard/docs/incident.png");
            Files.copy(screenshot, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ---- the page ----------------------------------------------------------------------------------------------------

    /** A fresh browser (no session) on the incident's page, signed in as {@code user}. */
    private static void openAs(String user, String password) {
        if (browser != null) {
            browser.quit();
        }
        browser = Chromium.start();
        wait = new WebDriverWait(browser, PATIENCE);
        String page = stack.dashboardUrl() + "/incident.html?id=" + incidentId;
        browser.get(page);
        DashboardInBrowserIT.signIn(browser, wait, user, password);
        wait.until(ExpectedConditions.urlToBe(page));
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "data-live", "open"));
        wait.until(driver -> !driver.findElement(By.id("whoami")).getText().isBlank());
    }

    private static WebElement action(String id) {
        return wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.cssSelector("#actions details[data-action='" + id + "']")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> actionsOffered() {
        return ((List<Object>) js("return Array.from(document.querySelectorAll('#actions details.action')).map(d => d.dataset.action);"))
                .stream().map(String::valueOf).toList();
    }

    /** Opens an action, lets {@code fill} type into its form, and submits it. */
    private static void submit(String id, java.util.function.Consumer<WebElement> fill) {
        WebElement details = action(id);
        if (details.getAttribute("open") == null) {
            click(details.findElement(By.tagName("summary")));
        }
        WebElement form = details.findElement(By.tagName("form"));
        fill.accept(form);
        clearResult();
        click(form.findElement(By.cssSelector("button[type='submit']")));
    }

    /** Waits for the console's result line to report {@code outcome} (done or refused) of {@code action}; its text. */
    private static String awaitResult(String outcome, String action) {
        return wait.until(driver -> {
            WebElement result = driver.findElement(By.id("work-result"));
            String text = result.getText();
            return outcome.equals(result.getAttribute("data-result")) && text.startsWith(action) ? text : null;
        });
    }

    private static void awaitStatus(String status) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#facts .badge.st-" + status)));
    }

    /** Forgets the last result, so that the next one read is the next action's. */
    private static void clearResult() {
        js("document.getElementById('work-result').removeAttribute('data-result')");
    }

    @SuppressWarnings("unchecked")
    private static List<String> openObligations() {
        return ((List<Object>) js("return Array.from(document.querySelectorAll('#clocks tr[data-state=\"OPEN\"]'))"
                + ".map(row => row.dataset.obligation);")).stream().map(String::valueOf).toList();
    }

    /** Waives the obligation where the page offers a ground, else records the report or notice it calls for. */
    private static void meet(String obligationId) {
        WebElement row = browser.findElement(By.cssSelector("#clocks tr[data-obligation='" + obligationId + "']"));
        List<WebElement> waive = row.findElements(By.cssSelector("details[data-action='waive']"));
        List<WebElement> notify = row.findElements(By.cssSelector("details[data-action='notify']"));
        clearResult();
        if (!waive.isEmpty()) {
            WebElement details = waive.get(0);
            click(details.findElement(By.tagName("summary")));
            Select ground = new Select(details.findElement(By.name("ground")));
            assertThat(ground.getOptions()).as("legal grounds offered for %s", obligationId).isNotEmpty();
            ground.selectByIndex(0);
            details.findElement(By.name("rationale")).sendKeys("The measures taken avoid the harm");
            click(details.findElement(By.cssSelector("button[type='submit']")));
        } else if (!notify.isEmpty()) {
            WebElement details = notify.get(0);
            click(details.findElement(By.tagName("summary")));
            WebElement content = details.findElement(By.name("content"));
            if (!details.findElements(By.name("filing")).isEmpty()) {
                wait.until(driver -> !content.getAttribute("value").isBlank());
                assertThat(content.getAttribute("value")).as("the content is the filing generated from the log").contains("#");
            } else {
                content.sendKeys("The report as sent");
            }
            for (String name : List.of("authority", "channel")) {
                details.findElements(By.name(name)).stream().filter(input -> input.getAttribute("value").isBlank())
                        .forEach(input -> input.sendKeys("The authority"));
            }
            details.findElements(By.name("subjectsNotified")).stream().filter(input -> input.getAttribute("value").isBlank())
                    .forEach(input -> input.sendKeys("1200"));
            click(details.findElement(By.cssSelector("button[type='submit']")));
        } else {
            fail("the page offers the DPO no way to meet obligation %s: %s", obligationId, row.getText());
        }
        String result = wait.until(driver -> {
            String state = driver.findElement(By.id("work-result")).getAttribute("data-result");
            return state == null ? null : driver.findElement(By.id("work-result")).getText();
        });
        assertThat(result).as("meeting %s", obligationId).doesNotContain("refused");
    }

    /** Clicks as a user would after scrolling it into the middle of the window (the fixed footer covers the bottom). */
    private static void click(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private static WebElement focused() {
        return browser.switchTo().activeElement();
    }

    private static void focus(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", element);
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }
}
