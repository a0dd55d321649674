package io.taskgraph.adapters.cli.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A finished run's cost and report on the page, in real headless Chromium on the server {@code taskgraph serve}
 * wires: the cost the model server reported (and none when it reported none), and the Report link opening the
 * run's review page, with its graph and tasks, in a new tab.
 */
class ReportLinkBrowserTest {
    private static final List<String> TASKS = List.of("summarize", "top_earners", "report");

    @RegisterExtension
    static final PageOnServer page = new PageOnServer(config -> config);

    private static String costCell(String task) {
        return page.driver.findElement(By.cssSelector("#result-tasks tr[data-task='" + task + "'] td.cost")).getText();
    }

    @Test
    void theReportedCostIsShownInTotalAndPerTaskAndTheReportLinkOpensTheRunsReviewPage() throws Exception {
        page.web.llm.reportCost("0.0015");
        page.openWithSpec("specs.main");
        String runId = page.startAndAwaitResults();

        WebElement cost = page.driver.findElement(By.id("result-cost"));
        assertTrue(cost.isDisplayed());
        assertEquals("Cost: $0.009 (as reported by the model server)", cost.getText(), "two calls at $0.0015 per task");
        assertTrue(page.driver.findElement(By.id("result-cost-column")).isDisplayed());
        for (String task : TASKS) {
            assertEquals("$0.003", costCell(task), task);
        }
        WebElement link = page.driver.findElement(By.cssSelector("#downloads a.open-report"));
        assertEquals("Report", link.getText());
        assertEquals("_blank", link.getAttribute("target"));
        ((JavascriptExecutor) page.driver).executeScript("document.getElementById('results').scrollIntoView()");
        page.chromium.screenshot("results-cost-and-report-link.png");

        String pageWindow = page.driver.getWindowHandle();
        link.click();
        page.waitUpTo(20).until(d -> d.getWindowHandles().size() == 2);
        Set<String> windows = page.driver.getWindowHandles();
        String reportWindow = windows.stream().filter(w -> !w.equals(pageWindow)).findFirst().orElseThrow();
        try {
            page.driver.switchTo().window(reportWindow);
            page.waitUpTo(20).until(d -> !d.findElements(By.cssSelector("svg.dag a.node.task")).isEmpty());

            assertEquals(page.web.server.url() + "api/run/" + runId + "/report", page.driver.getCurrentUrl());
            assertEquals("Taskgraph run report: output.db", page.driver.getTitle());
            List<WebElement> nodes = page.driver.findElements(By.cssSelector("svg.dag a.node.task"));
            assertEquals(TASKS, nodes.stream().map(n -> n.getAttribute("data-task")).toList());
            nodes.forEach(node -> assertTrue(node.isDisplayed(), node.getAttribute("data-task")));
            assertEquals(3, page.driver.findElements(By.cssSelector("svg.dag a.node.status-passed")).size());
            for (String task : TASKS) {
                assertTrue(page.driver.findElement(By.id("task-" + task)).isDisplayed(), task);
            }
            assertTrue(page.driver.findElement(By.id("verdict")).getText().startsWith("Finished: 3 of 3 tasks passed"),
                    page.driver.findElement(By.id("verdict")).getText());
            assertTrue(page.driver.findElement(By.tagName("body")).getText()
                    .contains("$0.009 as reported by the model server"), "the report shows the same total");
            page.chromium.screenshot("report-from-the-page.png");
        } finally {
            page.driver.close();
            page.driver.switchTo().window(pageWindow);
        }
    }

    @Test
    void aServerThatReportsNoCostShowsNoCostOnThePage() {
        page.web.llm.reportNoCost();
        page.openWithSpec("specs.main");
        page.startAndAwaitResults();

        assertFalse(page.driver.findElement(By.id("result-cost")).isDisplayed());
        assertFalse(page.driver.findElement(By.id("result-cost-column")).isDisplayed());
        assertTrue(page.driver.findElements(By.cssSelector("#result-tasks td.cost")).isEmpty());
        String results = page.driver.findElement(By.id("results")).getText();
        assertFalse(results.contains("$") || results.contains("Cost"), results);
        assertTrue(page.driver.findElement(By.cssSelector("#downloads a.open-report")).isDisplayed(),
                "the report is there with or without a cost");
    }
}
