package io.taskgraph.application.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.rerun.RerunMode;
import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.application.run.RunRequest;
import io.taskgraph.application.run.RunWorkspace;
import io.taskgraph.application.run.WorkspaceMetadata;
import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.testing.Turn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The report page, from real workspaces written by real runs (scripted model, DuckDB files). */
@Timeout(60)
class RunReportTest {
    /** Markup in every place an agent or the data can put text; none of it may reach the page as markup. */
    private static final String PAYLOAD = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">'&{{script}}";

    @TempDir
    Path dir;

    private RunFixture diamond(Map<String, List<Turn>> script) {
        return new RunFixture(dir).module(Diamond.spec().build()).script(script);
    }

    private String report(RunFixture f, String db) {
        return new RunReport(f.engine, f.clock).html(f.path(db));
    }

    @Test
    void aFinishedDiamondShowsTheGraphEveryTaskItsFiguresTheSqlOfItsViewsAndTheirRows() {
        RunFixture f = diamond(Diamond.script());
        f.run(Diamond.MODULE, "out.db");

        String html = report(f, "out.db");

        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        assertTrue(html.contains("<title>Taskgraph run report: out.db</title>"));
        assertTrue(html.contains("Finished: 4 of 4 tasks passed."), html);
        assertTrue(html.contains("<code>" + Diamond.MODULE + "</code>"));
        for (String task : List.of("prep", "sales", "costs", "report")) {
            assertTrue(html.contains("<section class=\"task\" id=\"task-" + task + "\" data-task=\"" + task
                    + "\" data-status=\"passed\">"), task);
            assertTrue(html.contains("<a href=\"#task-" + task + "\" class=\"node task status-passed\" data-task=\""
                    + task + "\">"), "the graph links " + task);
        }
        assertEquals(4, count(html, "<path class=\"edge\""), "prep->sales, prep->costs, sales->report, costs->report");
        assertEquals(2, count(html, "<path class=\"edge from-input\""), "transactions->prep, products->sales");
        assertTrue(html.contains("data-from=\"prep\" data-to=\"sales\""));
        assertTrue(html.contains("<details class=\"view-sql\"><summary>SQL</summary><pre><code>CREATE VIEW profit_report AS"),
                "the view's SQL from the catalog");
        assertTrue(html.contains("<article class=\"output\" data-view=\"prepared_sales\">"));
        assertTrue(html.contains("<th>revenue</th><th>cost</th><th>profit</th>"), "sample rows have the view's columns");
        assertTrue(html.contains("<td class=\"num\">21.75</td><td class=\"num\">5.50</td><td class=\"num\">16.25</td>"),
                "and its rows");
        assertTrue(html.contains("profit_report is revenue minus cost."), "the final message");
        assertTrue(html.contains("<dt>Validation</dt><dd>PASSED</dd>"));
        assertTrue(html.contains("<dt>Iterations</dt><dd>3</dd>"), "prep took three model calls");
        assertTrue(html.contains("<summary>Trace: 3 statements</summary>"), "prep's trace, collapsed");
        assertTrue(html.contains("<pre class=\"sql\"><code>SELECT DISTINCT kind FROM transactions</code></pre>"));
        assertTrue(html.contains("<td>transactions</td><td class=\"num\">5</td>"), "inputs with their row counts");
        assertFalse(html.contains("Cost"), "the scripted model reports no cost, so none is shown");
    }

    @Test
    void theReportLoadsNothingAndItsPolicyAllowsOnlyItsOwnStyleAndScript() throws Exception {
        RunFixture f = diamond(Diamond.script());
        f.run(Diamond.MODULE, "out.db");

        String html = report(f, "out.db");

        Matcher csp = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").matcher(html);
        assertTrue(csp.find(), "a Content-Security-Policy");
        String policy = csp.group(1);
        assertTrue(policy.startsWith("default-src 'none'; "), policy);
        assertTrue(policy.contains("script-src '" + sha256(between(html, "<script>", "</script>")) + "'"), policy);
        assertTrue(policy.contains("style-src '" + sha256(between(html, "<style>", "</style>")) + "'"), policy);
        assertEquals(1, count(html, "<script"), "one script, the page's own");
        assertEquals(List.of(), externalReferences(html));
    }

    @Test
    void textFromAgentsAndDataIsEscapedEverywhere() {
        Map<String, List<Turn>> script = new LinkedHashMap<>(Diamond.script());
        script.put("prep", List.of(Turn.sql(Diamond.PREP_SALES, Diamond.PREP_COSTS), Turn.answer(PAYLOAD)));
        script.put("sales", List.of(
                Turn.sql("SELECT 1 FROM \"" + PAYLOAD.replace("\"", "\"\"") + "\""),
                Turn.sql("CREATE OR REPLACE VIEW sales_summary AS SELECT p.category, sum(s.amount) AS revenue, '"
                        + PAYLOAD.replace("'", "''") + "' AS \"" + PAYLOAD.replace("\"", "\"\"") + "\" FROM "
                        + "prepared_sales s JOIN products p USING (product) GROUP BY ALL ORDER BY ALL"),
                Turn.answer("done")));
        RunFixture f = diamond(script);
        f.run(Diamond.MODULE, "out.db");

        String html = report(f, "out.db");

        String escaped = "&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;"
                + "&#39;&amp;{{script}}";
        assertTrue(html.contains("<div class=\"message\">" + escaped + "</div>"), "the final message");
        assertTrue(html.contains("<th>" + escaped + "</th>"), "a column name");
        assertTrue(html.contains("<td>" + escaped + "</td>"), "a value");
        assertTrue(count(html, escaped) >= 5, "message, trace statement and error, view SQL, column and value");
        assertFalse(html.contains("window.pwned=1</script>"), "no payload script survives");
        assertFalse(html.contains("<img"), "no payload element survives");
        assertEquals(1, count(html, "<script"));
        assertEquals(List.of(), externalReferences(html));
    }

    @Test
    void theCostTheServerReportedIsShownPerTaskAndInTotal() {
        RunFixture f = diamond(Diamond.script());
        f.llm.usagePerResponse(new Usage(100, 20, 0, 0).withCost(new BigDecimal("0.0015")));
        f.run(Diamond.MODULE, "out.db");

        String html = report(f, "out.db");

        assertTrue(html.contains("<dt>Cost</dt><dd>$0.0135 as reported by the model server</dd>"), html);
        assertTrue(html.contains("<th class=\"num\">Cost</th>"));
        assertTrue(html.contains("<dt>Cost</dt><dd>$0.0045</dd>"), "prep: three calls");
    }

    @Test
    void aRerunShowsItsLineageAndWhichTasksItReused() {
        RunFixture f = diamond(Diamond.script());
        f.run(Diamond.MODULE, "jan.db");
        f.rerun("jan.db", "feb.db", RerunMode.VALIDATE);

        String html = report(f, "feb.db");

        assertTrue(html.contains("<dt>Rerun of</dt><dd><code>" + f.path("jan.db").toAbsolutePath()), html);
        assertTrue(html.contains("<dt>Rerun mode</dt><dd>validate</dd>"));
        assertTrue(html.contains("Finished: 4 of 4 tasks passed (4 reused)."));
        assertEquals(4, count(html, "data-status=\"reused\""));
        assertTrue(html.contains("Reused: its views still passed validation"));
        assertTrue(html.contains("<details class=\"view-sql\"><summary>SQL</summary><pre><code>CREATE VIEW profit_report AS"),
                "the views came with the copy");
    }

    @Test
    void aWorkspaceWhoseTasksNeverRanShowsThemAllAsNotRun() {
        RunFixture f = new RunFixture(dir);
        try (Workspace workspace = f.engine.create(f.path("killed.db"), false)) {
            workspace.putWorkspaceMeta(WorkspaceMetadata.start(Diamond.spec().build().spec(), "test/model-1",
                    Instant.parse("2026-02-01T09:30:00Z")));
        }

        String html = report(f, "killed.db");

        assertTrue(html.contains("Interrupted (stopped, or the process ended before the run did): 0 of 4 tasks passed "
                + "(4 not run)."), html);
        assertEquals(4, count(html, "class=\"node task status-not-run\""));
        assertTrue(html.contains("Not run: the workspace records no result for this task"));
        assertTrue(html.contains("<article class=\"output\" data-view=\"profit_report\"><h4>profit_report "
                + "<span class=\"muted\">does not exist</span></h4></article>"));
        assertTrue(html.contains("Sum sales revenue by product category."), "the recorded prompt");
    }

    @Test
    void anInterruptedRunShowsWhatPassedAndWhatWasStopped() {
        RunFixture f = diamond(Diamond.script());
        RunControl control = new RunControl();
        f.onEvent(event -> {
            if (event instanceof RunEvent.TaskFinished finished && finished.outcome().task().equals("prep")) {
                control.cancel();
            }
        });
        f.run(Diamond.MODULE, "out.db", RunOptions.defaults(RunFixture.MODEL), control);

        String html = report(f, "out.db");

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("class=\"verdict status-interrupted\""), html);
        assertTrue(html.contains("data-task=\"prep\" data-status=\"passed\""));
        assertFalse(html.contains("data-task=\"report\" data-status=\"passed\""));
    }

    @Test
    void aRunWithASelectionCountsOnlyTheSelectedTasksAndMarksTheOthers() {
        RunFixture f = diamond(Diamond.script());
        new RunWorkspace(f.specs, f.workbooks, f.engine, f.llm, f.listener(), f.clock).run(new RunRequest(
                SpecRequest.of(Diamond.MODULE, dir), f.path("out.db"), false, RunOptions.defaults(RunFixture.MODEL),
                TaskSelection.parse(List.of("sales"))), new RunControl());

        String html = report(f, "out.db");

        assertTrue(html.contains("Finished: 2 of 2 selected tasks passed (2 not selected)."), html);
        assertTrue(html.contains("class=\"verdict status-passed\""));
        assertEquals(2, count(html, "class=\"node task status-not-selected\""));
        assertTrue(html.contains("data-task=\"report\" data-status=\"not selected\""));
        assertTrue(html.contains("Not selected: the run&#39;s selection left it out"), "said in the task's note");
    }

    @Test
    void writeRefusesToReplaceTheWorkspaceAndDefaultsBesideIt() throws Exception {
        RunFixture f = diamond(Diamond.script());
        f.run(Diamond.MODULE, "out.db");
        byte[] before = Files.readAllBytes(f.path("out.db"));
        RunReport report = new RunReport(f.engine, f.clock);

        UsageException itself = assertThrows(UsageException.class, () -> report.write(f.path("out.db"), f.path("out.db")));
        assertTrue(itself.getMessage().contains("is the workspace itself"), itself.getMessage());
        assertEquals(f.path("out.html"), RunReport.defaultOutput(f.path("out.db")));
        assertEquals(f.path("run.data.html"), RunReport.defaultOutput(f.path("run.data")));

        Path written = report.write(f.path("out.db"), f.path("reports/out.html"));
        assertTrue(Files.readString(written).contains("Finished: 4 of 4 tasks passed."));
        assertTrue(Arrays.equals(before, Files.readAllBytes(f.path("out.db"))), "the workspace is unchanged");
        try (Stream<Path> files = Files.list(f.path("reports"))) {
            assertEquals(List.of(written), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void aMissingOrForeignFileIsAnErrorNamingIt() throws Exception {
        RunFixture f = new RunFixture(dir);
        WorkspaceException missing = assertThrows(WorkspaceException.class, () -> report(f, "nope.db"));
        assertTrue(missing.getMessage().contains("nope.db") && missing.getMessage().contains("does not exist"),
                missing.getMessage());
        Files.writeString(f.path("notes.db"), "not a database");
        WorkspaceException foreign = assertThrows(WorkspaceException.class, () -> report(f, "notes.db"));
        assertTrue(foreign.getMessage().contains("not a DuckDB database"), foreign.getMessage());
    }

    // ---- helpers ----

    /** Every src, href, url(...), @import or srcset that points anywhere but inside the page itself. */
    static List<String> externalReferences(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("(?i)(?:\\b(?:src|href|srcset|action|poster|data|xlink:href)\\s*=\\s*\"([^\"]*)\")"
                + "|(?:url\\(\\s*['\"]?([^)'\"]*))|(?:@import)").matcher(html);
        while (m.find()) {
            String target = m.group(1) != null ? m.group(1) : m.group(2);
            if (target == null || !(target.startsWith("#") || target.startsWith("data:"))) {
                found.add(m.group());
            }
        }
        return found;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open) + open.length();
        return text.substring(start, text.indexOf(close, start));
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
