package io.taskgraph.adapters.cli.web;

import io.taskgraph.adapters.web.WebConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every page test class starts from, as a JUnit extension ({@code @RegisterExtension static}): real headless
 * Chromium ({@link Chromium}) and a real server wired as {@code taskgraph serve} wires it ({@link WebFixture}), for the
 * whole class; after each test the scripted model's held steps are released.
 */
final class PageOnServer implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {
    private final UnaryOperator<WebConfig> tweak;
    private Path temp;
    Chromium chromium;
    ChromeDriver driver;
    WebFixture web;

    /** {@code tweak}: the server's configuration for this class, from {@code serve}'s. */
    PageOnServer(UnaryOperator<WebConfig> tweak) {
        this.tweak = tweak;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        temp = Files.createTempDirectory("taskgraph-page-");
        chromium = Chromium.start(temp);
        driver = chromium.driver;
        web = WebFixture.start(temp, tweak, true);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        web.llm.releaseAll();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (web != null) {
                web.close();
            }
            try (Stream<Path> files = Files.walk(temp)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    WebDriverWait waitUpTo(int seconds) {
        return chromium.waitUpTo(seconds);
    }

    /** Opens the page and picks {@code specId} once the specs are listed. */
    void openWithSpec(String specId) {
        driver.get(web.server.url().toString());
        waitUpTo(20).until(d -> d.findElements(By.cssSelector("#spec option[value='" + specId + "']")).size() == 1);
        selectSpec(specId);
    }

    void selectSpec(String specId) {
        new Select(driver.findElement(By.id("spec"))).selectByValue(specId);
    }

    /** Starts a run with the form as it is and waits until the page shows its results; returns the run's id. */
    String startAndAwaitResults() {
        String before = driver.getCurrentUrl();
        driver.findElement(By.id("start")).click();
        waitUpTo(30).until(d -> !d.getCurrentUrl().equals(before) && d.getCurrentUrl().matches(".*#run=[0-9a-f]{16}$"));
        String runId = driver.getCurrentUrl().replaceAll(".*#run=", "");
        waitUpTo(60).until(d -> {
            String status = d.findElement(By.id("run-status")).getText();
            return d.findElement(By.id("results")).isDisplayed() && status.startsWith("Run " + runId + ": ")
                    && !status.endsWith(": running") && !status.endsWith(": starting");
        });
        return runId;
    }
}
