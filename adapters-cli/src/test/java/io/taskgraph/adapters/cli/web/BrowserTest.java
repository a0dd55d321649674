package io.taskgraph.adapters.cli.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.web.http.UploadLimits;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in real headless Chromium (Debian's chromium and chromium-driver; never a driver download): start a
 * run, watch the console and the graph change live, download the results; see the API's errors on the page.
 * The server is wired as {@code taskgraph serve} wires it. Screenshots land in target/screenshots for people to
 * look at.
 */
class BrowserTest {
    @RegisterExtension
    static final PageOnServer page = new PageOnServer(config -> config.withUploadLimits(new UploadLimits(64 * 1024, 3)));

    @TempDir
    static Path temp;

    private static WebDriverWait waitUpTo(int seconds) {
        return page.waitUpTo(seconds);
    }

    private static void screenshot(String name) throws Exception {
        page.chromium.screenshot(name);
    }

    private static String nodeState(String task) {
        return page.driver.findElement(By.cssSelector("#dag .task-node[data-task='" + task + "']")).getAttribute("data-state");
    }

    @Test
    void aRunStartedFromThePageShowsItsConsoleAndGraphLiveAndItsResults() throws Exception {
        page.web.llm.hold("summarize", 1);
        page.openWithSpec("specs.main");
        new Select(page.driver.findElement(By.id("effort"))).selectByValue("medium");
        page.driver.findElement(By.id("start")).click();

        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("console"),
                "Running specs.main -> output.db with openai/gpt-5.2: 3 tasks"));
        waitUpTo(20).until(d -> "running".equals(nodeState("summarize")));
        assertEquals(3, page.driver.findElements(By.cssSelector("#dag .task-node")).size());
        assertEquals(2, page.driver.findElements(By.cssSelector("#dag path.edge")).size());
        assertTrue(page.driver.findElement(By.cssSelector("#dag .task-node[data-task='summarize']")).getAttribute("class")
                .contains("state-running"));
        assertTrue(List.of("waiting", "running").contains(nodeState("report")), nodeState("report"));
        assertTrue(page.driver.findElement(By.id("run-status")).getText().endsWith(": running"));
        screenshot("run-in-progress.png");

        page.web.llm.release("summarize", 1);
        waitUpTo(30).until(d -> "passed".equals(nodeState("report")));
        waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
        assertEquals("passed", nodeState("summarize"));
        assertEquals("passed", nodeState("top_earners"));
        String progress = page.driver.findElement(By.cssSelector("#task-table tr[data-task='summarize'] td:last-child"))
                .getAttribute("textContent");
        assertTrue(progress.startsWith("2 iterations · 1 SQL · 240 tokens · "), "the terminal board's words: " + progress);
        assertTrue(page.driver.findElement(By.id("run-status")).getText().endsWith(": succeeded"));
        assertTrue(page.driver.findElement(By.id("console")).getText().contains("export summary.csv: wrote summary.csv"));
        assertTrue(page.driver.findElement(By.id("result-summary")).getText().startsWith("Done: 3 of 3 tasks passed. Total: "),
                page.driver.findElement(By.id("result-summary")).getText());
        waitUpTo(20).until(d -> d.findElements(By.cssSelector(".preview[data-view='department_report'] tbody tr")).size() == 3);
        assertEquals("department", page.driver.findElement(
                By.cssSelector(".preview[data-view='department_report'] thead th")).getText());
        screenshot("run-finished.png");
        ((org.openqa.selenium.JavascriptExecutor) page.driver).executeScript(
                "document.getElementById('results').scrollIntoView()");
        screenshot("run-results.png");

        WebElement export = page.driver.findElement(By.cssSelector("a.download-export"));
        assertEquals("Download summary.csv", export.getText());
        export.click();
        Path csv = page.chromium.downloads.resolve("summary.csv");
        page.chromium.awaitDownload("summary.csv", 10);
        assertEquals("department,headcount,total_salary\nEngineering,3,360000\nHR,1,85000\nSales,2,185000\n",
                Files.readString(csv).replace("\r\n", "\n"));

        String dbLink = page.driver.findElement(By.cssSelector("a.download-db")).getAttribute("href");
        HttpResponse<byte[]> db = page.web.http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(dbLink)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, db.statusCode());
        assertEquals("DUCK", new String(db.body(), 8, 4, StandardCharsets.US_ASCII));

        // A reload re-attaches to the run named in the address and replays its whole stream.
        assertTrue(page.driver.getCurrentUrl().matches(".*#run=[0-9a-f]{16}$"), page.driver.getCurrentUrl());
        page.driver.navigate().refresh();
        waitUpTo(20).until(d -> d.findElements(By.cssSelector("#dag .task-node[data-state='passed']")).size() == 3);
        waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
        assertTrue(page.driver.findElement(By.id("console")).getText().contains("Done: 3 of 3 tasks passed."));
    }

    @Test
    void aRunOfTheChosenTaskShowsTheOthersAsNotSelected() throws Exception {
        int summarize = page.web.llm.requestsFor("summarize");
        int report = page.web.llm.requestsFor("report");
        page.openWithSpec("specs.main");
        waitUpTo(20).until(d -> d.findElements(By.cssSelector("#select-tasks option")).size() == 3);
        Select tasks = new Select(page.driver.findElement(By.id("select-tasks")));
        assertTrue(tasks.isMultiple());
        assertEquals(List.of("summarize", "top_earners", "report"),
                tasks.getOptions().stream().map(WebElement::getText).toList());
        tasks.selectByValue("top_earners");
        page.driver.findElement(By.id("start")).click();

        waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-summary"),
                "Done: 1 of 1 selected task passed (2 not selected)."));
        assertEquals("passed", nodeState("top_earners"));
        for (String task : List.of("summarize", "report")) {
            assertEquals("not selected", nodeState(task));
            assertTrue(page.driver.findElement(By.cssSelector("#dag .task-node[data-task='" + task + "']"))
                    .getAttribute("class").contains("state-not-selected"));
            assertEquals("not selected", page.driver.findElement(By.cssSelector(
                    "#task-table tr[data-task='" + task + "'] td.state-text")).getAttribute("textContent"));
        }
        assertTrue(page.driver.findElement(By.cssSelector(".legend")).getText().contains("not selected"));
        assertTrue(page.driver.findElement(By.id("console")).getText().contains("summarize: not selected"));
        assertEquals(summarize, page.web.llm.requestsFor("summarize"), "a task not selected calls no model");
        assertEquals(report, page.web.llm.requestsFor("report"), "a task not selected calls no model");
        screenshot("run-selected-task.png");
    }

    @Test
    void theFormWorksFromTheKeyboardAndShowsTheApisErrors() throws Exception {
        page.openWithSpec("specs.uploads");
        Path big = Files.write(temp.resolve("sales.csv"), "r,1\n".repeat(20_000).getBytes(StandardCharsets.UTF_8));
        page.driver.findElement(By.id("data-files")).sendKeys(big.toString());
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-list"), "sales.csv"));
        // A file dropped on the drop zone joins the list like a chosen one.
        ((org.openqa.selenium.JavascriptExecutor) page.driver).executeScript(
                "const dt = new DataTransfer(); dt.items.add(new File(['region,amount\\n'], 'dropped.csv'));"
                        + "document.getElementById('drop-zone').dispatchEvent("
                        + "new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));");
        waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("file-list"), "dropped.csv (14 bytes)"));
        page.driver.findElement(By.cssSelector("button[aria-label='Remove dropped.csv']")).click();
        waitUpTo(20).until(d -> !d.findElement(By.id("file-list")).getText().contains("dropped.csv"));

        // The form in tab order, then submitted with Enter: no mouse needed.
        ((org.openqa.selenium.JavascriptExecutor) page.driver).executeScript("document.getElementById('spec').focus()");
        List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            new Actions(page.driver).sendKeys(Keys.TAB).perform();
            WebElement focused = page.driver.switchTo().activeElement();
            order.add(focused.getAttribute("id").isEmpty() ? focused.getAttribute("aria-label") : focused.getAttribute("id"));
        }
        assertEquals(List.of("select-tasks", "data-files", "Remove sales.csv", "model", "effort", "max-iterations",
                "start"), order);
        WebElement start = page.driver.switchTo().activeElement();
        assertEquals("button", start.getTagName());
        new Actions(page.driver).sendKeys(Keys.ENTER).perform();

        WebElement error = waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertEquals("File 'sales.csv' is 80000 bytes; this server accepts files of up to 64 KiB.", error.getText());
        assertEquals("alert", error.getAttribute("role"));
        for (String id : List.of("spec", "select-tasks", "data-files", "model", "effort", "max-iterations")) {
            assertEquals(1, page.driver.findElements(By.cssSelector("label[for='" + id + "']")).size(), "label for " + id);
        }
        screenshot("upload-refused.png");
    }
}
