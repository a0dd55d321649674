package io.taskgraph.adapters.cli.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium for page tests: Debian's chromium and chromium-driver (never a driver download), a fresh
 * profile, downloads into a folder of the test's. Screenshots land in {@code target/screenshots} for people to see.
 */
public final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final ChromeDriver driver;
    public final Path downloads;

    private Chromium(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    /** Starts the browser with its profile and downloads under {@code temp}. */
    public static Chromium start(Path temp) throws IOException {
        return start(temp, options -> { });
    }

    /** Starts the browser as {@link #start(Path)} does, with {@code more} options (capabilities, arguments). */
    public static Chromium start(Path temp, Consumer<ChromeOptions> more) throws IOException {
        assertTrue(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "The browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium "
                        + "chromium-driver (bash .ci/run installs them).");
        Path downloads = Files.createDirectories(temp.resolve("downloads"));
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,900", "--user-data-dir=" + Files.createDirectories(temp.resolve("profile")));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        more.accept(options);
        Files.createDirectories(SCREENSHOTS);
        return new Chromium(new ChromeDriver(options), downloads);
    }

    public WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>}; returns the file. */
    public Path screenshot(String name) throws IOException {
        return Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Waits until the download {@code name} is complete in the downloads folder; returns it. */
    public Path awaitDownload(String name, int seconds) {
        Path file = downloads.resolve(name);
        waitUpTo(seconds).until(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(name + ".crdownload"))
                && size(file) > 0);
        return file;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
