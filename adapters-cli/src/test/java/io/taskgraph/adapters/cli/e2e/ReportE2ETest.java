package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taskgraph report} on workspaces of a finished run, a rerun and a run that was killed. */
@Tag("e2e")
class ReportE2ETest {
    @TempDir
    Path dir;

    private String diamondRun(FakeModelServer model, String output) throws Exception {
        AppDir app = new AppDir(dir);
        String spec = app.spec("main", Diamond.SPEC);
        Taskgraph.Result run = new Taskgraph(dir).model(model).run("run", "-s", spec, "-o", output);
        assertEquals(0, run.exitCode(), run.all());
        return spec;
    }

    @Test
    void aFinishedDiamondGetsOnePageBesideItsWorkspace() throws Exception {
        try (FakeModelServer model = Diamond.solve(FakeModelServer.start())) {
            diamondRun(model, "out.db");
        }
        byte[] before = Files.readAllBytes(dir.resolve("out.db"));
        Taskgraph taskgraph = new Taskgraph(dir);

        Taskgraph.Result r = taskgraph.run("report", "out.db");

        assertEquals(0, r.exitCode(), r.all());
        assertTrue(r.out().matches("Wrote out\\.html \\(\\d+ KB\\): the report of out\\.db\\. Open it in a browser; it "
                + "needs no network\\.\n"), r.out());
        String html = Files.readString(dir.resolve("out.html"));
        assertTrue(html.contains("Finished: 4 of 4 tasks passed."), html);
        assertTrue(html.contains("<code>my_app.specs.main</code>"));
        for (String task : List.of("prep", "sales", "costs", "report")) {
            assertTrue(html.contains("id=\"task-" + task + "\" data-task=\"" + task + "\" data-status=\"passed\""), task);
        }
        assertTrue(html.contains("<pre><code>CREATE VIEW profit_report AS SELECT"), "the view's SQL");
        assertTrue(html.contains("<th>profit</th></tr></thead><tbody><tr><td class=\"num\">35</td></tr>"), "its rows");
        assertTrue(html.contains("<pre class=\"sql\"><code>" + Diamond.PREP_SALES.replace("'", "&#39;") + "</code></pre>"),
                "the trace");
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("out.db")), "the workspace is only read");

        Taskgraph.Result again = taskgraph.run("report", "out.db");
        assertEquals(2, again.exitCode(), again.all());
        assertEquals("taskgraph: Output out.html already exists; pass -f (--force) to overwrite it, or choose another "
                + "-o path.\n", again.err());
        assertEquals(0, taskgraph.run("report", "out.db", "-f").exitCode());
        Taskgraph.Result elsewhere = taskgraph.run("report", "out.db", "-o", "reviews/january.html");
        assertEquals(0, elsewhere.exitCode(), elsewhere.all());
        assertTrue(Files.readString(dir.resolve("reviews/january.html")).contains("Finished: 4 of 4 tasks passed."));

        Taskgraph.Result itself = taskgraph.run("report", "out.db", "-o", "out.db", "-f");
        assertEquals(2, itself.exitCode(), itself.all());
        assertTrue(itself.err().contains("is the workspace itself"), itself.all());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("out.db")));

        Taskgraph.Result missing = taskgraph.run("report", "nope.db");
        assertEquals(2, missing.exitCode(), missing.all());
        assertEquals("taskgraph: No workspace file at nope.db; give the .db file a taskgraph run wrote.\n", missing.err());
    }

    @Test
    void aRerunsReportShowsItsLineageAndTheTasksItReusedOrRanAgain() throws Exception {
        try (FakeModelServer model = Diamond.solve(FakeModelServer.start())) {
            diamondRun(model, "jan.db");
            model.script("[report]", Reply.answer("The existing view is right."));
            Taskgraph.Result rerun = new Taskgraph(dir).model(model)
                    .run("rerun", "jan.db", "-o", "feb.db", "--mode", "review");
            assertEquals(0, rerun.exitCode(), rerun.all());
        }

        Taskgraph.Result r = new Taskgraph(dir).run("report", "feb.db");

        assertEquals(0, r.exitCode(), r.all());
        String html = Files.readString(dir.resolve("feb.html"));
        assertTrue(html.contains("<dt>Rerun of</dt><dd><code>" + dir.resolve("jan.db").toRealPath() + "</code></dd>"),
                html);
        assertTrue(html.contains("<dt>Rerun mode</dt><dd>review</dd>"), html);
        assertTrue(html.contains("Finished: 4 of 4 tasks passed."), html);
        assertTrue(html.contains("The existing view is right."), "the review's final message");
    }

    @Test
    void aKilledRunStillGetsAReportOfWhatPassedAndWhatNeverRan() throws Exception {
        AppDir app = new AppDir(dir);
        String spec = app.spec("main", Diamond.SPEC);
        try (FakeModelServer model = Diamond.solve(FakeModelServer.start())) {
            model.script("[report]", Reply.sql(Diamond.REPORT).after(Duration.ofMinutes(5)), Reply.answer("Done."));
            Taskgraph.Running running = new Taskgraph(dir).model(model).start("run", "-s", spec, "-o", "out.db");
            running.awaitOutput("] report: started");
            running.process().destroyForcibly();
            running.finish();
        }
        Path db = dir.resolve("out.db");
        byte[] before = Files.readAllBytes(db);
        Path wal = dir.resolve("out.db.wal");
        byte[] walBefore = Files.exists(wal) ? Files.readAllBytes(wal) : null;
        Taskgraph taskgraph = new Taskgraph(dir);

        Taskgraph.Result r = taskgraph.run("report", "out.db");

        assertEquals(0, r.exitCode(), r.all());
        String html = Files.readString(dir.resolve("out.html"));
        assertTrue(html.contains("Interrupted (stopped, or the process ended before the run did): 3 of 4 tasks passed "
                + "(1 not run)."), html);
        assertTrue(html.contains("data-task=\"report\" data-status=\"not run\""), html);
        assertTrue(html.contains("data-task=\"costs\" data-status=\"passed\""), html);
        assertTrue(html.contains("<pre><code>CREATE VIEW costs_summary AS"), "the views that were built");

        Taskgraph.Result query = taskgraph.run("query", "out.db", "SELECT count(*) AS views FROM duckdb_views() "
                + "WHERE NOT internal", "--format", "csv");
        assertEquals("views\r\n4\r\n", query.out(), query.all());
        assertArrayEquals(before, Files.readAllBytes(db), "report and query only read the killed run's file");
        if (walBefore != null) {
            assertArrayEquals(walBefore, Files.readAllBytes(wal), "nor its write-ahead log");
        }
    }
}
