package io.taskgraph.adapters.cli.web;

import static io.taskgraph.adapters.web.WebClient.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page's account of runs, in real headless Chromium on the server {@code taskgraph serve} wires: what became of
 * each task and why, cancelling a run, the max-iterations field, and the list of earlier runs to reopen.
 */
class RunPanelsBrowserTest {
    private static final String NO_PROGRESS = "No progress in 3 turns in a row: it answered without running any SQL "
            + "and validation failed the same way each time (--max-idle-turns 3).";

    @RegisterExtension
    static final PageOnServer page = new PageOnServer(config -> config);

    private static WebDriverWait waitUpTo(int seconds) {
        return page.waitUpTo(seconds);
    }

    private static String startAndAwaitResults() {
        return page.startAndAwaitResults();
    }

    /** The results table's cells of {@code task}: status, then each line of the why column. */
    private static List<String> resultRow(String task) {
        WebElement row = page.driver.findElement(By.cssSelector("#result-tasks tr[data-task='" + task + "']"));
        List<String> cells = new java.util.ArrayList<>();
        cells.add(row.findElement(By.cssSelector("td.state-text")).getText());
        row.findElements(By.cssSelector("td.why > *")).forEach(part -> cells.add(part.getText()));
        return cells;
    }

    @Test
    void theResultsSayForEachTaskWhatBecameOfItAndWhy() throws Exception {
        page.openWithSpec("specs.failing");
        int idleCallsBefore = page.web.llm.requestsFor("idle");

        startAndAwaitResults();

        assertTrue(page.driver.findElement(By.id("result-summary")).getText()
                .startsWith("Finished with failures: 0 of 3 tasks passed (2 failed, 1 blocked)."),
                page.driver.findElement(By.id("result-summary")).getText());
        assertEquals(List.of("failed", NO_PROGRESS, "Output view 'clean_orders' does not exist; create it with CREATE "
                + "OR REPLACE VIEW clean_orders AS SELECT ...."), resultRow("clean"));
        assertEquals(List.of("blocked", "Not run because upstream task 'clean' failed."), resultRow("total"));
        assertEquals(List.of("failed", "Its SQL did not produce valid outputs (the task has no \"repair\", so no agent "
                + "was asked).", "order 2 has a negative amount"), resultRow("checked"));
        assertEquals(4, page.web.llm.requestsFor("idle") - idleCallsBefore, "the idle agent was stopped after three turns without progress");
        ((JavascriptExecutor) page.driver).executeScript("document.getElementById('results').scrollIntoView()");
        page.chromium.screenshot("results-per-task.png");
    }

    @Test
    void theMaxIterationsFieldLimitsEachTasksModelCalls() {
        page.openWithSpec("specs.failing");
        assertEquals("200", page.driver.findElement(By.id("max-iterations")).getAttribute("value"), "the default");
        WebElement field = page.driver.findElement(By.id("max-iterations"));
        field.clear();
        field.sendKeys("2");

        String runId = startAndAwaitResults();

        assertEquals(List.of("failed", "Spent its budget of 2 model calls without passing validation.",
                "Output view 'clean_orders' does not exist; create it with CREATE OR REPLACE VIEW clean_orders AS "
                        + "SELECT ...."), resultRow("clean"));
        assertEquals(2, json(page.web.get("/api/run/" + runId)).get("max_iterations").asInt());

        field = page.driver.findElement(By.id("max-iterations"));
        field.clear();
        field.sendKeys("0");
        page.driver.findElement(By.id("start")).click();
        WebElement error = waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertEquals("Form field 'max_iterations' must be a whole number from 1 to 2000 (model calls per task), not "
                + "'0'.", error.getText());
    }

    @Test
    void aRunningRunIsCancelledWithTheButtonAndEndsInterrupted() throws Exception {
        page.web.llm.hold("summarize", 1);
        page.openWithSpec("specs.main");
        WebElement cancel = page.driver.findElement(By.id("cancel"));
        assertFalse(cancel.isDisplayed(), "nothing to cancel yet");
        page.driver.findElement(By.id("start")).click();
        page.web.llm.awaitHeld("summarize", 1);
        waitUpTo(20).until(ExpectedConditions.visibilityOf(cancel));
        assertEquals("Cancel run", cancel.getText());
        page.chromium.screenshot("run-cancel-button.png");

        cancel.click();

        waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("run-status"), ": interrupted"));
        waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
        assertTrue(page.driver.findElement(By.id("result-summary")).getText().startsWith("Interrupted: "),
                page.driver.findElement(By.id("result-summary")).getText());
        assertEquals("interrupted", resultRow("summarize").get(0));
        assertFalse(cancel.isDisplayed(), "a finished run cannot be cancelled");
    }

    @Test
    void earlierRunsAreListedAndReopenWithTheirResultsAndTheirSpecSelected() throws Exception {
        page.openWithSpec("specs.main");
        String mainRun = startAndAwaitResults();
        page.selectSpec("specs.failing");
        String failingRun = startAndAwaitResults();

        WebElement mainEntry = waitUpTo(20).until(d -> d.findElement(By.cssSelector("#run-list li[data-run-id='"
                + mainRun + "']")));
        WebElement failingEntry = page.driver.findElement(By.cssSelector("#run-list li[data-run-id='" + failingRun + "']"));
        assertTrue(mainEntry.getAttribute("textContent").startsWith("specs.main succeeded "),
                mainEntry.getAttribute("textContent"));
        assertTrue(failingEntry.getAttribute("textContent").startsWith("specs.failing failed "),
                failingEntry.getAttribute("textContent"));
        List<WebElement> entries = page.driver.findElements(By.cssSelector("#run-list li"));
        assertTrue(entries.indexOf(failingEntry) < entries.indexOf(mainEntry), "newest first");
        assertEquals("true", failingEntry.findElement(By.tagName("a")).getAttribute("aria-current"));
        page.chromium.screenshot("run-list.png");

        mainEntry.findElement(By.tagName("a")).click();

        waitUpTo(20).until(d -> d.getCurrentUrl().endsWith("#run=" + mainRun));
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-summary"),
                "Done: 3 of 3 tasks passed."));
        assertEquals("specs.main", new Select(page.driver.findElement(By.id("spec"))).getFirstSelectedOption()
                .getAttribute("value"), "the form shows the spec of the run on screen");
        assertEquals("specs/main.py", page.driver.findElement(By.id("spec-path")).getText());
        assertEquals(List.of("passed", "2 iterations · 1 SQL · 240 tokens · "), resultRow("summarize").stream()
                .map(cell -> cell.replaceAll("\\d+(\\.\\d+)?m?s$", "")).toList());

        page.driver.navigate().refresh(); // the address alone brings the run back, its spec selected
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-summary"),
                "Done: 3 of 3 tasks passed."));
        assertEquals("specs.main", new Select(page.driver.findElement(By.id("spec"))).getFirstSelectedOption()
                .getAttribute("value"));
    }
}
