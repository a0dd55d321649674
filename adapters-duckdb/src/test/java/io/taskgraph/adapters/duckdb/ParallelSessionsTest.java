package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.StatementResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each task's SQL runs on its own connection, not behind a shared one. These tests prove it by progress, not by
 * timing (CI shares two cores with other work): a task's statement finishes while another task's long statement
 * is still running. How much faster two CPU-heavy queries finish together than one after the other is measured by
 * {@link GuardedPathBenchmark}.
 */
class ParallelSessionsTest {
    private static final String ENDLESS = "SELECT count(*) FROM range(1000000000000) t(x) WHERE hash(x) % 7 = 3";

    @TempDir
    Path dir;

    @Test
    void aTasksStatementsRunWhileAnotherTasksLongQueryIsStillRunning() throws Exception {
        try (Workspace workspace = new DuckDbEngine().create(dir.resolve("out.db"), false);
             TaskSession slow = workspace.openTaskSession("slow", new Namespace("slow", List.of()));
             TaskSession quick = workspace.openTaskSession("quick", new Namespace("quick", List.of("quick_view")))) {
            CompletableFuture<StatementResult> running = CompletableFuture.supplyAsync(() -> slow.execute(ENDLESS));
            Thread.sleep(200);

            StatementResult query = quick.execute("SELECT 42 AS answer");
            StatementResult view = quick.execute("CREATE VIEW quick_view AS SELECT 42 AS answer");

            assertFalse(running.isDone(), "the long query should still be running");
            assertTrue(query.success(), query.toolJson());
            assertTrue(view.success(), view.toolJson());
            slow.cancel();
            assertFalse(running.get(30, TimeUnit.SECONDS).success());
        }
    }

    @Test
    void tasksCreatingViewsAtTheSameTimeDoNotConflict() throws Exception {
        try (Workspace workspace = new DuckDbEngine().create(dir.resolve("out.db"), false)) {
            List<CompletableFuture<List<StatementResult>>> tasks = new ArrayList<>();
            for (String task : List.of("a", "b", "c")) {
                TaskSession session = workspace.openTaskSession(task, new Namespace(task, List.of()));
                tasks.add(CompletableFuture.supplyAsync(() -> {
                    try (session) {
                        return IntStream.range(0, 15).mapToObj(i -> session.execute(
                                "CREATE OR REPLACE VIEW " + task + "_v" + i + " AS SELECT " + i + " AS n")).toList();
                    }
                }));
            }
            for (CompletableFuture<List<StatementResult>> task : tasks) {
                for (StatementResult result : task.get(60, TimeUnit.SECONDS)) {
                    assertTrue(result.success(), result.toolJson());
                }
            }
            assertEquals(45, workspace.views().size());
            assertEquals(List.of(List.of(45L, 45L)),
                    workspace.query("SELECT count(*), count(*) FILTER (WHERE success) FROM _trace").rows());
        }
    }

    /**
     * The sessions share one parser and one describer; a view a session has just committed is what its describe
     * finds, whatever the other sessions are parsing and describing at that moment.
     */
    @Test
    void aViewIsDescribedAsCommittedWhileOtherSessionsParseAndDescribe() throws Exception {
        try (Workspace workspace = new DuckDbEngine().create(dir.resolve("out.db"), false)) {
            List<CompletableFuture<List<String>>> tasks = new ArrayList<>();
            for (String task : List.of("a", "b", "c", "d")) {
                TaskSession session = workspace.openTaskSession(task, new Namespace(task, List.of()));
                tasks.add(CompletableFuture.supplyAsync(() -> {
                    List<String> problems = new ArrayList<>();
                    try (session) {
                        for (int i = 0; i < 40; i++) {
                            String column = "c" + i;
                            StatementResult created = session.execute("CREATE OR REPLACE VIEW " + task
                                    + "_v AS SELECT " + i + " AS " + column + " FROM range(3)");
                            if (!created.success()) {
                                problems.add(created.toolJson());
                                continue;
                            }
                            List<String> described = session.describe(task + "_v")
                                    .map(info -> info.columnNames()).orElse(List.of());
                            if (!described.equals(List.of(column))) {
                                problems.add(task + "_v after its CREATE number " + i + ": " + described);
                            }
                        }
                    }
                    return problems;
                }));
            }
            for (CompletableFuture<List<String>> task : tasks) {
                assertEquals(List.of(), task.get(120, TimeUnit.SECONDS));
            }
        }
    }
}
