package io.taskgraph.adapters.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.adapters.cli.progress.TaskBoard.Row;
import io.taskgraph.adapters.cli.progress.TaskBoard.State;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.spec.TaskKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskBoardTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static RunEvent.RunStarted diamond() {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        deps.put("prep", List.of());
        deps.put("sales", List.of("prep"));
        deps.put("costs", List.of("prep"));
        deps.put("report", List.of("sales", "costs"));
        return new RunEvent.RunStarted("m", Path.of("out.db"), "model", deps, false);
    }

    @Test
    void tasksWaitForTheirDependenciesThenRunThenSettle() {
        TaskBoard board = new TaskBoard();
        board.apply(diamond(), T0);
        board.apply(new RunEvent.TaskStarted("prep", TaskKind.AGENT), T0);
        board.apply(new RunEvent.TaskIteration("prep", 2, new Usage(900, 100, 0, 0)), T0);
        board.apply(new RunEvent.SqlExecuted("prep", "SELECT 1", true, null, 1, 1), T0);
        board.apply(new RunEvent.SqlExecuted("prep", "CREATE TABLE x(a INT)", false, "denied", 0, 1), T0);

        List<Row> rows = board.rows(T0.plusSeconds(5));

        assertEquals(new Row("prep", TaskKind.AGENT, State.RUNNING, List.of(), 2, 2, 1, 1000, Duration.ofSeconds(5), ""),
                rows.get(0));
        assertEquals(List.of("prep"), rows.get(1).waitingFor());
        assertEquals(List.of("sales", "costs"), rows.get(3).waitingFor());

        board.apply(new RunEvent.TaskFinished(RunEvents.passed("prep", 3, 4, 1000, 200, 4900)), T0.plusSeconds(5));
        board.apply(new RunEvent.TaskFinished(RunEvents.failed("costs", "budget spent", List.of())), T0.plusSeconds(9));
        board.apply(new RunEvent.TaskFinished(TaskOutcome.blocked("report", TaskKind.AGENT, "waits for costs")), T0.plusSeconds(9));

        rows = board.rows(T0.plusSeconds(60));
        assertEquals(State.PASSED, rows.get(0).state());
        assertEquals(Duration.ofMillis(4900), rows.get(0).elapsed());
        assertEquals(1200, rows.get(0).tokens());
        assertEquals(List.of(), rows.get(1).waitingFor());
        assertEquals(State.FAILED, rows.get(2).state());
        assertEquals(new Row("report", TaskKind.AGENT, State.BLOCKED, List.of(), 0, 0, 0, 0, Duration.ZERO, "waits for costs"),
                rows.get(3));
    }

    @Test
    void retriesAndValidationFailuresShowAsTheRunningTasksNote() {
        TaskBoard board = new TaskBoard();
        board.apply(new RunEvent.TaskStarted("prep", TaskKind.SQL), T0);
        board.apply(new RunEvent.ValidationFailed("prep", List.of("missing column")), T0);
        assertEquals("validation failed, fixing", board.rows(T0).get(0).note());

        board.apply(new RunEvent.LlmRetrying("prep", 2, Duration.ofSeconds(6), "HTTP 503"), T0);
        assertEquals("model call retry 2 in 6.0s", board.rows(T0).get(0).note());
        assertEquals(TaskKind.SQL, board.rows(T0).get(0).kind());
    }

    @Test
    void eventsFromManyThreadsAreAllCounted() throws InterruptedException {
        TaskBoard board = new TaskBoard();
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add("t" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        for (String task : tasks) {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 1000; i++) {
                    board.apply(new RunEvent.SqlExecuted(task, "SELECT 1", true, null, 1, 0), T0);
                    board.rows(T0);
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertEquals(true, pool.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals(8, board.rows(T0).size());
        board.rows(T0).forEach(row -> assertEquals(1000, row.sql(), row.task()));
    }
}
