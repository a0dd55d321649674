package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the model server says the calls cost (OpenRouter's {@code usage.cost}) is summed per task, totalled in the
 * summary and the report, and kept by record and replay; a server that reports no cost shows none anywhere.
 */
@Tag("e2e")
class CostE2ETest {
    private static final List<String> TASKS = List.of("prep", "sales", "costs", "report");

    @TempDir
    Path dir;

    @Test
    void aReportedCostIsSummedPerTaskTotalledInTheSummaryAndTheReportAndReplayed() throws Exception {
        AppDir app = new AppDir(dir);
        String spec = app.spec("main", Diamond.SPEC);
        Taskgraph.Result run;
        try (FakeModelServer model = Diamond.solve(FakeModelServer.start()).reportCost("0.0015")) {
            run = new Taskgraph(dir).model(model).run("run", "-s", spec, "-o", "out.db", "--llm-record", "run.jsonl");
        }

        assertEquals(0, run.exitCode(), run.all());
        for (String task : TASKS) {
            assertEquals("0.003", WorkspaceFile.taskMeta(dir.resolve("out.db"), task).get("cost"),
                    task + ": two calls at $0.0015");
        }
        assertTrue(run.out().contains("\n  Cost: $0.012 (as reported by the model server)\n"), run.all());
        assertTrue(Files.readString(dir.resolve("run.jsonl")).contains("\"cost\":0.0015"), "the cassette keeps it");

        Taskgraph.Result report = new Taskgraph(dir).run("report", "out.db");
        assertEquals(0, report.exitCode(), report.all());
        String html = Files.readString(dir.resolve("out.html"));
        assertTrue(html.contains("<dt>Cost</dt><dd>$0.012 as reported by the model server</dd>"), html);
        assertEquals(4, html.split("<dt>Cost</dt><dd>\\$0\\.003</dd>", -1).length - 1, "each task's cost");

        Taskgraph.Result replay = new Taskgraph(dir).run("run", "-s", spec, "-o", "replay.db", "--llm-replay", "run.jsonl");
        assertEquals(0, replay.exitCode(), replay.all());
        assertTrue(replay.out().contains("\n  Cost: $0.012 (as reported by the model server)\n"), replay.all());
        for (String task : TASKS) {
            assertEquals("0.003", WorkspaceFile.taskMeta(dir.resolve("replay.db"), task).get("cost"), task);
        }
    }

    @Test
    void aServerThatReportsNoCostShowsNoneAndRecordsNone() throws Exception {
        AppDir app = new AppDir(dir);
        String spec = app.spec("main", Diamond.SPEC);
        Taskgraph.Result run;
        try (FakeModelServer model = Diamond.solve(FakeModelServer.start())) {
            run = new Taskgraph(dir).model(model).run("run", "-s", spec, "-o", "out.db");
        }

        assertEquals(0, run.exitCode(), run.all());
        assertFalse(run.out().contains("Cost") || run.out().contains("cost:") || run.out().contains("$"), run.out());
        for (String task : TASKS) {
            Map<String, String> meta = WorkspaceFile.taskMeta(dir.resolve("out.db"), task);
            assertFalse(meta.containsKey("cost"), task + ": " + meta);
        }
        Taskgraph.Result report = new Taskgraph(dir).run("report", "out.db");
        assertEquals(0, report.exitCode(), report.all());
        String html = Files.readString(dir.resolve("out.html"));
        assertFalse(html.contains("Cost") || html.contains("$"), "no cost figure anywhere in the report");
    }
}
