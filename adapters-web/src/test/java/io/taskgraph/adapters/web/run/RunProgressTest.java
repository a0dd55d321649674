package io.taskgraph.adapters.web.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunProgressTest {
    private final MutableClock clock = new MutableClock();
    private final RunProgress progress = new RunProgress(clock);

    private void start() {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        deps.put("prep", List.of());
        deps.put("report", List.of("prep"));
        progress.apply(new RunEvent.RunStarted("specs.main", Path.of("o.db"), "m", deps, false));
    }

    @Test
    void theAnnouncedTasksArePendingWithTheirEdges() {
        start();

        assertEquals(List.of("prep:pending", "report:pending"), progress.tasksJson().stream()
                .map(t -> t.get("task") + ":" + t.get("state")).toList());
        assertEquals("[{from=prep, to=report}]", progress.edgesJson().toString());
    }

    @Test
    void aTaskCountsItsIterationsSqlTokensAndTimeWhileRunning() {
        start();
        progress.apply(new RunEvent.TaskStarted("prep", TaskKind.AGENT));
        clock.advance(Duration.ofMillis(1500));
        progress.apply(new RunEvent.TaskIteration("prep", 2, new Usage(300, 20, 0, 0)));
        var task = progress.apply(new RunEvent.SqlExecuted("prep", "SELECT 1", true, null, 1, 3)).orElseThrow();

        assertEquals("running", task.get("state"));
        assertEquals(2, task.get("iteration"));
        assertEquals(1, task.get("sql_count"));
        assertEquals(320L, task.get("tokens"));
        assertEquals(1.5, task.get("elapsed_s"));
    }

    @Test
    void aFinishedTaskTakesItsOutcomesFigures() {
        start();
        progress.apply(new RunEvent.TaskStarted("prep", TaskKind.SQL));
        var task = progress.apply(new RunEvent.TaskFinished(new TaskOutcome("prep", TaskKind.SQL, TaskStatus.FAILED, 4, 3,
                new Usage(10, 5, 0, 0), Duration.ofSeconds(7), "budget spent", List.of("view v is missing"), ""))).orElseThrow();

        assertEquals("failed", task.get("state"));
        assertEquals("sql", task.get("kind"));
        assertEquals(3, task.get("tool_calls"));
        assertEquals(15L, task.get("tokens"));
        assertEquals(7.0, task.get("elapsed_s"));
        assertEquals("budget spent", task.get("reason"));
        assertEquals(List.of("view v is missing"), task.get("failures"));
    }

    @Test
    void eventsAboutUnannouncedTasksChangeNothing() {
        start();
        assertTrue(progress.apply(new RunEvent.TaskStarted("ghost", TaskKind.AGENT)).isEmpty());
        assertTrue(progress.apply(new RunEvent.Warning("careful")).isEmpty());
        assertEquals(2, progress.tasksJson().size());
    }

    @Test
    void theRunMovesFromQueuedToRunningToItsEnd() {
        assertEquals(RunState.QUEUED, progress.state());
        progress.started();
        assertEquals("running", progress.headerJson().get("state"));
        progress.finished(RunState.ERROR, "Spec failed to load.");
        assertEquals("error", progress.headerJson().get("state"));
        assertEquals("Spec failed to load.", progress.headerJson().get("error"));
        assertEquals(2, RunState.ERROR.exitCode());
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
