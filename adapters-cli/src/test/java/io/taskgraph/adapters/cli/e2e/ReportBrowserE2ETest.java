package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
import io.taskgraph.adapters.cli.web.Chromium;
import io.taskgraph.domain.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The report of a real run, opened from disk in real headless Chromium (Debian's chromium and chromium-driver, as
 * the web page's browser tests use): the graph and every task are visible, SQL expands on click, printing opens
 * everything, agent text stays text, and the page makes no request at all — checked three ways: the DOM names
 * nothing outside the file, Chromium's network log for the page holds only the file, and a request the page tries
 * to make is refused by its Content-Security-Policy before it leaves. A control page proves the first two checks
 * notice requests when there are some. Screenshots and a printed PDF are kept in target/screenshots.
 */
@Tag("e2e")
class ReportBrowserE2ETest {
    /** Markup an agent could write into its final message and its SQL. */
    static final String PAYLOAD = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";
    static final String MISTAKE = "SELECT * FROM \"" + PAYLOAD.replace("\"", "\"\"") + "\"";

    /** Every attribute that can make a browser fetch, and every url(...) in style sheets, that leaves the page. */
    private static final String EXTERNAL_REFERENCES = """
            const found = [];
            const local = v => v === '' || v.startsWith('#') || v.startsWith('data:');
            for (const el of document.querySelectorAll('*')) {
              for (const name of ['src', 'href', 'xlink:href', 'srcset', 'poster', 'data', 'action', 'formaction',
                                  'background', 'ping', 'manifest', 'cite', 'longdesc']) {
                const v = el.getAttribute(name);
                if (v !== null && !local(v.trim())) found.push(el.tagName + ' ' + name + '=' + v);
              }
              for (const prop of ['background-image', 'list-style-image', 'border-image-source', 'content', 'cursor',
                                  'mask-image']) {
                const v = getComputedStyle(el).getPropertyValue(prop);
                for (const m of v.matchAll(/url\\(["']?([^"')]*)/g)) if (!local(m[1])) found.push(el.tagName + ' ' + prop + ' ' + m[1]);
              }
            }
            for (const sheet of document.styleSheets) {
              if (sheet.href) found.push('stylesheet ' + sheet.href);
              let rules = [];
              try { rules = sheet.cssRules; } catch (crossOrigin) { found.push('unreadable stylesheet ' + sheet.href); }
              for (const rule of rules) {
                if (rule.type === CSSRule.IMPORT_RULE || rule.type === CSSRule.FONT_FACE_RULE) found.push('css ' + rule.cssText);
                for (const m of rule.cssText.matchAll(/url\\(["']?([^"')]*)/g)) if (!local(m[1])) found.push('css ' + m[1]);
              }
            }
            return found;""";

    @TempDir
    static Path dir;
    static Chromium chromium;
    static ChromeDriver driver;
    static Path report;

    @BeforeAll
    static void reportOfARunWithHostileText() throws Exception {
        AppDir app = new AppDir(dir);
        String spec = app.spec("main", Diamond.SPEC);
        try (FakeModelServer model = Diamond.solve(FakeModelServer.start()).reportCost("0.0015")) {
            model.script("[prep]", Reply.sql(Diamond.PREP_SALES, Diamond.PREP_COSTS), Reply.answer(PAYLOAD));
            model.script("[sales]", Reply.sql(MISTAKE),
                    Reply.sql(Diamond.SALES), Reply.answer("Done."));
            Taskgraph.Result run = new Taskgraph(dir).model(model).run("run", "-s", spec, "-o", "out.db");
            assertEquals(0, run.exitCode(), run.all());
        }
        Taskgraph.Result written = new Taskgraph(dir).run("report", "out.db");
        assertEquals(0, written.exitCode(), written.all());
        report = dir.resolve("out.html");

        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        chromium = Chromium.start(dir, options -> options.setCapability("goog:loggingPrefs", logs));
        driver = chromium.driver;
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static void open(Path page) {
        // Leave the previous page and drop its log, so what follows belongs to this page alone.
        driver.get("about:blank");
        driver.manage().logs().get(LogType.PERFORMANCE);
        driver.get(page.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * The URLs the page requested since it was opened, from Chromium's network log ({@code Network.requestWillBeSent}
     * events). The browser's own {@code chrome://} pages are not the page's, and {@code data:} URLs (which Chromium
     * logs too, e.g. for printing) never leave the machine.
     */
    @SuppressWarnings("unchecked")
    private static List<String> requested() {
        List<String> urls = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> message = (Map<String, Object>) Json.parseObject(entry.getMessage()).get("message");
            if ("Network.requestWillBeSent".equals(message.get("method"))) {
                Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) message.get("params"))
                        .get("request");
                String url = String.valueOf(request.get("url"));
                if (!url.startsWith("chrome://") && !url.startsWith("data:") && !url.equals("about:blank")) {
                    urls.add(url);
                }
            }
        }
        return urls;
    }

    @Test
    void theGraphAndEveryTaskAreVisibleAndATasksSqlExpandsOnClick() throws Exception {
        open(report);

        WebElement graph = driver.findElement(By.cssSelector("svg.dag"));
        assertTrue(graph.isDisplayed());
        assertTrue(graph.getSize().getWidth() > 300, "the graph is drawn: " + graph.getSize());
        List<WebElement> nodes = driver.findElements(By.cssSelector("svg.dag a.node.task"));
        assertEquals(List.of("prep", "sales", "costs", "report"),
                nodes.stream().map(n -> n.getAttribute("data-task")).toList());
        nodes.forEach(node -> assertTrue(node.isDisplayed(), node.getAttribute("data-task")));
        assertEquals(4, driver.findElements(By.cssSelector("svg.dag a.node.status-passed")).size());
        for (String task : List.of("prep", "sales", "costs", "report")) {
            assertTrue(driver.findElement(By.id("task-" + task)).isDisplayed(), task);
        }
        assertTrue(driver.findElement(By.id("verdict")).getText().startsWith("Finished: 4 of 4 tasks passed"));
        screenshot("report.png");

        WebElement sql = driver.findElement(By.cssSelector("#task-report details.view-sql"));
        WebElement code = sql.findElement(By.cssSelector("pre code"));
        assertNull(sql.getAttribute("open"), "collapsed at first");
        assertFalse(code.isDisplayed());
        driver.findElement(By.cssSelector("svg.dag a.node[data-task='report']")).click();
        assertTrue(driver.getCurrentUrl().endsWith("#task-report"), "a node leads to its task: " + driver.getCurrentUrl());
        sql.findElement(By.tagName("summary")).click();
        assertTrue(code.isDisplayed(), "the SQL shows after a click");
        assertTrue(code.getText().startsWith("CREATE VIEW profit_report AS SELECT"), code.getText());
        js("arguments[0].scrollIntoView()", sql);
        screenshot("report-sql-expanded.png");
    }

    @Test
    void agentTextIsShownAsTextAndNeverRuns() {
        open(report);

        assertNull(js("return window.pwned === undefined ? null : window.pwned"), "no payload script ran");
        assertEquals(0L, js("return document.querySelectorAll('img').length"), "no payload element exists");
        assertEquals(1L, js("return document.scripts.length"), "only the page's own script");
        assertEquals(PAYLOAD, driver.findElement(By.cssSelector("#task-prep .message")).getText());
        driver.findElement(By.cssSelector("#task-sales details.trace summary")).click();
        assertEquals(MISTAKE, driver.findElement(By.cssSelector("#task-sales li.statement.error pre.sql")).getText());
    }

    @Test
    void printingOpensEveryCollapsedPart() throws Exception {
        open(report);
        long details = (Long) js("return document.querySelectorAll('details').length");
        assertTrue(details >= 8, "prompts, SQL and traces are collapsed: " + details);

        js("window.dispatchEvent(new Event('beforeprint'))");
        assertEquals(details, js("return document.querySelectorAll('details[open]').length"));
        js("window.dispatchEvent(new Event('afterprint'))");
        assertEquals(0L, js("return document.querySelectorAll('details[open]').length"));

        String pdf = driver.print(new PrintOptions()).getContent();
        byte[] bytes = Base64.getDecoder().decode(pdf);
        assertTrue(bytes.length > 10_000 && new String(bytes, 0, 5).equals("%PDF-"), "a printed report");
        Files.write(Chromium.SCREENSHOTS.resolve("report.pdf"), bytes);
    }

    @Test
    void thePageRequestsNothingButItself() throws Exception {
        open(report);

        assertEquals(List.of(), js(EXTERNAL_REFERENCES), "nothing in the page points outside it");
        assertEquals(List.of(report.toUri().toString()), requested(), "the network log holds only the file");

        Object attempt = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const refused = [];
                document.addEventListener('securitypolicyviolation', e => refused.push(e.violatedDirective));
                fetch('http://example.invalid/beacon').then(() => done('fetched'),
                    () => setTimeout(() => done('refused by ' + refused.join(',')), 100));""");
        assertEquals("refused by connect-src", attempt, "the page's policy stops any request it might try");
        assertEquals(List.of(), requested(), "and nothing was sent");
        assertTrue(driver.findElement(By.id("expand-all")).isDisplayed(), "the page's own script and style work");
        driver.findElement(By.id("expand-all")).click();
        assertEquals(js("return document.querySelectorAll('details').length"),
                js("return document.querySelectorAll('details[open]').length"));
    }

    /** The same three checks on a page that does fetch things: each of them must notice. */
    @Test
    void theChecksNoticeAPageThatFetches() throws Exception {
        Path control = Files.writeString(dir.resolve("control.html"), "<!DOCTYPE html><html><head>"
                + "<link rel=\"stylesheet\" href=\"http://example.invalid/style.css\"></head><body>"
                + "<img src=\"http://example.invalid/pixel.png\"><div style=\"background-image: url('http://"
                + "example.invalid/bg.png')\">x</div></body></html>");

        open(control);

        @SuppressWarnings("unchecked")
        List<String> references = (List<String>) js(EXTERNAL_REFERENCES);
        assertTrue(references.stream().anyMatch(r -> r.contains("pixel.png")), references.toString());
        assertTrue(references.stream().anyMatch(r -> r.contains("bg.png")), references.toString());
        assertTrue(references.stream().anyMatch(r -> r.contains("style.css")), references.toString());
        List<String> requested = requested();
        assertTrue(requested.stream().anyMatch(url -> url.equals("http://example.invalid/pixel.png")), requested.toString());
        assertTrue(requested.stream().anyMatch(url -> url.equals("http://example.invalid/style.css")), requested.toString());
    }

    private static void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}
