package io.taskgraph.application.run;

import static io.taskgraph.application.testing.RunFixture.outcome;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.rerun.RerunMode;
import io.taskgraph.application.testing.Diamond;
import io.taskgraph.application.testing.RunFixture;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.testing.Turn;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C: running agents stop, nothing new starts, the file stays valid and a rerun continues from it; before any task
 * started, the spec's process is stopped and nothing is kept.
 */
@Timeout(60)
class CancellationTest {
    @TempDir
    Path dir;

    @Test
    void cancellingStopsTheRunRecordsItAndARerunContinuesFromThePassedTasks() {
        RunFixture f = new RunFixture(dir).module(Diamond.spec().build());
        f.llm.task("prep", Turn.sql(Diamond.PREP_SALES, Diamond.PREP_COSTS), Turn.answer("done"));
        f.llm.task("costs", Turn.sql(Diamond.COSTS), Turn.answer("done"));
        f.llm.task("sales", Turn.sql("SELECT 1").delayed(Duration.ofSeconds(30)));
        RunControl control = new RunControl();
        f.onEvent(event -> {
            if (event instanceof RunEvent.TaskFinished done && done.outcome().task().equals("costs")) {
                control.cancel();
            }
        });
        long start = System.nanoTime();
        RunSummary summary = f.run(Diamond.MODULE, "out.db", RunOptions.defaults(RunFixture.MODEL), control);

        assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "the 30 s model call was cut short");
        assertTrue(summary.interrupted());
        assertEquals(TaskStatus.PASSED, outcome(summary, "prep").status());
        assertEquals(TaskStatus.PASSED, outcome(summary, "costs").status());
        assertEquals(TaskStatus.INTERRUPTED, outcome(summary, "sales").status());
        assertEquals(TaskStatus.INTERRUPTED, outcome(summary, "report").status());
        assertEquals("Not started: the run was interrupted.", outcome(summary, "report").reason());
        assertEquals("true", f.workspaceMeta("out.db").get("interrupted"));
        assertEquals("\"interrupted\"", f.taskMeta("out.db").get("sales").get("status"));

        f.llm = io.taskgraph.domain.testing.ScriptedLlmClient.create()
                .task("sales", Turn.sql(Diamond.SALES), Turn.answer("done"))
                .task("report", Turn.sql(Diamond.REPORT), Turn.answer("done"));
        RunSummary rerun = f.rerun("out.db", "resumed.db", RerunMode.VALIDATE);
        assertTrue(rerun.succeeded(), rerun.toString());
        assertEquals(List.of(TaskStatus.REUSED, TaskStatus.PASSED, TaskStatus.REUSED, TaskStatus.PASSED),
                rerun.tasks().stream().map(t -> t.status()).toList());
        assertTrue(f.llm.requests("prep").isEmpty());
        assertEquals(List.of(List.of(new BigDecimal("16.25"))), f.rows("resumed.db", "SELECT profit FROM profit_report"));
        assertEquals("false", f.workspaceMeta("resumed.db").get("interrupted"));
    }

    @Test
    void cancellingBeforeTheRunStartsRunsNoTaskAndWritesNothing() {
        RunFixture f = new RunFixture(dir).module(Diamond.spec().build()).script(Diamond.script());
        RunControl control = new RunControl();
        control.cancel();
        assertThrows(RunCancelledException.class,
                () -> f.run(Diamond.MODULE, "out.db", RunOptions.defaults(RunFixture.MODEL), control));
        assertTrue(f.llm.requests().isEmpty());
        assertFalse(Files.exists(f.path("out.db")));
    }

    @Test
    void cancellingStopsASpecWhoseImportNeverEnds() throws Exception {
        RunFixture f = new RunFixture(dir);
        f.specs.hanging("shop.specs.stuck");
        RunControl control = new RunControl();
        CompletableFuture<Throwable> run = CompletableFuture.supplyAsync(() -> {
            try {
                f.run("shop.specs.stuck", "out.db", RunOptions.defaults(RunFixture.MODEL), control);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(200);
        control.cancel();
        Throwable ended = run.get(10, TimeUnit.SECONDS);
        assertTrue(ended instanceof RunCancelledException, "the stuck import ended the run as cancelled: " + ended);
        assertFalse(Files.exists(f.path("out.db")));
    }

    @Test
    void cancellingDuringIngestionDiscardsTheNewFile() {
        RunFixture f = new RunFixture(dir).module(Diamond.spec().build()).script(Diamond.script());
        RunControl control = new RunControl();
        f.onEvent(event -> {
            if (event instanceof RunEvent.InputIngested) {
                control.cancel();
            }
        });
        assertThrows(RunCancelledException.class,
                () -> f.run(Diamond.MODULE, "out.db", RunOptions.defaults(RunFixture.MODEL), control));
        assertEquals(1, f.events(RunEvent.InputIngested.class).size(), "the second input was not ingested");
        assertFalse(Files.exists(f.path("out.db")));
        assertFalse(Files.exists(f.path("out.db.wal")));
    }
}
