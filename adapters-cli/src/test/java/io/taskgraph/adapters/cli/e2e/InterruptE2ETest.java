package io.taskgraph.adapters.cli.e2e;

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

@Tag("e2e")
class InterruptE2ETest {
    @TempDir
    Path dir;

    @Test
    void ctrlCStopsCleanlyWithExit130AndRerunContinuesFromWhatPassed() throws Exception {
        AppDir app = new AppDir(dir);
        String spec = app.spec("main", Diamond.SPEC);
        try (FakeModelServer model = FakeModelServer.start()) {
            // sales is busy in a long query when Ctrl-C comes: the statement is cancelled, the agent stops.
            Diamond.solve(model).script("[sales]", Reply.sql("SELECT count(*) FROM range(1000000000000) a"),
                    Reply.sql(Diamond.SALES), Reply.answer("Done."));
            Taskgraph taskgraph = new Taskgraph(dir).model(model);

            Taskgraph.Running running = taskgraph.start("run", "-s", spec, "-o", "out.db");
            running.awaitOutput("] costs: passed");
            Thread.sleep(500);
            long signalled = System.nanoTime();
            new ProcessBuilder("kill", "-INT", Long.toString(running.process().pid())).start().waitFor();
            Taskgraph.Result stopped = running.finish();
            Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);

            assertEquals(130, stopped.exitCode(), stopped.all());
            assertTrue(stopping.compareTo(Duration.ofSeconds(20)) < 0, "stopped in " + stopping + ", not after the "
                    + "query's 30 s timeout");
            assertTrue(stopped.err().contains("Stopping: cancelling running tasks"), stopped.all());
            assertTrue(stopped.out().contains("Interrupted: 2 of 4 tasks passed"), stopped.all());
            assertEquals("true", WorkspaceFile.workspaceMeta(app.path("out.db")).get("interrupted"));
            assertEquals(List.of(List.of("2")), WorkspaceFile.query(app.path("out.db"),
                    "SELECT count(*) FROM information_schema.views WHERE table_name LIKE 'prepared_%'"));

            model.script("[sales]", Reply.sql(Diamond.SALES), Reply.answer("Done."));
            int before = model.requests("[prep]").size();
            Taskgraph.Result resumed = taskgraph.run("rerun", "out.db", "-o", "resumed.db");

            assertEquals(0, resumed.exitCode(), resumed.all());
            assertEquals(before, model.requests("[prep]").size(), "prep had passed: reused, not run again");
            assertEquals(List.of(List.of("35")), WorkspaceFile.query(app.path("resumed.db"), "SELECT profit FROM profit_report"));
        }
    }

    /** Ctrl-C on a run whose spec hangs while {@code stage}: the bridge is stopped, taskgraph exits 130 at once. */
    private Taskgraph.Result ctrlCWhileTheSpecHangs(Taskgraph taskgraph, String stage, String shownWhenHanging,
                                                    String... command) throws Exception {
        Taskgraph.Running running = taskgraph.start(command);
        waitFor(running, shownWhenHanging);
        Thread.sleep(1000); // well inside the hang: the spec sleeps for ten minutes
        List<ProcessHandle> bridge = running.process().descendants().toList();
        assertTrue(bridge.stream().anyMatch(p -> p.info().commandLine().orElse("").contains("bridge.py")),
                "the Python bridge is running: " + bridge.stream().map(p -> p.info().commandLine()).toList());
        long signalled = System.nanoTime();
        new ProcessBuilder("kill", "-INT", Long.toString(running.process().pid())).start().waitFor();
        Taskgraph.Result stopped = running.finish();
        Duration stopping = Duration.ofNanos(System.nanoTime() - signalled);
        System.out.println("[measured] Ctrl-C to exit, hanging in " + stage + ", " + command[0] + ": " + stopping.toMillis() + " ms");

        assertEquals(130, stopped.exitCode(), stopped.all());
        assertTrue(stopping.compareTo(Duration.ofSeconds(10)) < 0, "stopped in " + stopping + ", not at the end of the "
                + "spec's ten-minute sleep");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (bridge.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(bridge.stream().noneMatch(ProcessHandle::isAlive), "no Python process is left behind");
        return stopped;
    }

    @Test
    void ctrlCStopsASpecThatHangsWhileItIsImportedAndNothingIsWritten() throws Exception {
        AppDir app = new AppDir(dir);
        String spec = app.spec("stuck", "import sys, time\nprint('connecting to the warehouse...', file=sys.stderr, "
                + "flush=True)\ntime.sleep(600)\nINPUTS = {}\nTASKS = []\n");

        Taskgraph.Result stopped = ctrlCWhileTheSpecHangs(new Taskgraph(dir), "import", "connecting to the warehouse",
                "run", "-s", spec, "-o", "out.db");

        assertTrue(stopped.err().contains("Stopping: no task has started, so nothing will be kept"), stopped.all());
        assertTrue(stopped.err().endsWith("taskgraph: stopped by Ctrl-C before any task started; nothing was written "
                + "to out.db.\n"), stopped.all());
        assertFalse(Files.exists(app.path("out.db")));
    }

    @Test
    void ctrlCStopsAnInputLoaderThatHangsAndShowStopsToo() throws Exception {
        AppDir app = new AppDir(dir);
        String spec = app.spec("slow_input", """
                import sys, time

                def orders():
                    print("downloading orders...", file=sys.stderr, flush=True)
                    time.sleep(600)
                    return [{"id": 1}]

                INPUTS = {"orders": orders}
                TASKS = [{"name": "n", "sql": "CREATE VIEW n AS SELECT count(*) AS n FROM orders",
                          "inputs": ["orders"], "outputs": ["n"]}]
                """);
        String hangsAtImport = app.spec("stuck", "import sys, time\nprint('waiting...', file=sys.stderr, flush=True)"
                + "\ntime.sleep(600)\nINPUTS = {}\nTASKS = []\n");

        Taskgraph.Result ingesting = ctrlCWhileTheSpecHangs(new Taskgraph(dir), "ingest", "downloading orders",
                "run", "-s", spec, "-o", "out.db");
        Taskgraph.Result showing = ctrlCWhileTheSpecHangs(new Taskgraph(dir), "import", "waiting...",
                "show", "-s", hangsAtImport);

        assertTrue(ingesting.out().contains("Running my_app.specs.slow_input -> out.db"), ingesting.all());
        assertTrue(ingesting.err().endsWith("taskgraph: stopped by Ctrl-C before any task started; nothing was "
                + "written to out.db.\n"), ingesting.all());
        assertFalse(Files.exists(app.path("out.db")), "nothing of value was made");
        assertFalse(Files.exists(app.path("out.db.wal")));
        assertEquals("", showing.out(), showing.all());
    }

    @Test
    void ctrlCStopsAnExportThatHangsAndKeepsTheWorkspaceMarkedInterrupted() throws Exception {
        AppDir app = new AppDir(dir);
        String spec = app.spec("main", Diamond.SPEC.replace("""
                def export_report(conn, path):""", """
                def export_report(conn, path):
                    import sys, time
                    print("uploading the report...", file=sys.stderr, flush=True)
                    time.sleep(600)"""));
        try (FakeModelServer model = FakeModelServer.start()) {
            Diamond.solve(model);
            Taskgraph.Result stopped = ctrlCWhileTheSpecHangs(new Taskgraph(dir).model(model), "export",
                    "uploading the report", "run", "-s", spec, "-o", "out.db");

            assertTrue(stopped.err().contains("Stopping: cancelling running tasks and saving the workspace"),
                    stopped.all());
            assertTrue(stopped.out().contains("Interrupted: 4 of 4 tasks passed."), stopped.all());
            assertEquals("true", WorkspaceFile.workspaceMeta(app.path("out.db")).get("interrupted"));
            assertEquals(List.of(List.of("35")), WorkspaceFile.query(app.path("out.db"), "SELECT profit FROM profit_report"));
        }
    }

    @Test
    void aSpecThatReadsStdinGetsEndOfFileInsteadOfWaitingForTheTerminal() throws Exception {
        AppDir app = new AppDir(dir);
        String spec = app.spec("asks", "month = input('Which month? ')\nINPUTS = {}\nTASKS = []\n");

        Taskgraph.Result r = new Taskgraph(dir).run("show", "-s", spec);

        assertEquals(2, r.exitCode(), r.all());
        assertTrue(r.err().contains("taskgraph: Spec module my_app.specs.asks failed to import (my_app/specs/asks.py, "
                + "line 1): EOFError: EOF when reading a line"), r.all());
    }

    /** Waits until {@code text} was printed, on stdout or (a spec's prints) stderr. */
    private static void waitFor(Taskgraph.Running running, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!running.outSoFar().contains(text) && !running.errSoFar().contains(text)) {
            if (!running.process().isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("never saw '" + text + "':\n" + running.finish().all());
            }
            Thread.sleep(50);
        }
    }
}
