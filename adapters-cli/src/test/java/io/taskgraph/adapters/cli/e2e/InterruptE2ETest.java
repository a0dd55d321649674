package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
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
}
