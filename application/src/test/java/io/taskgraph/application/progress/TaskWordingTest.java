package io.taskgraph.application.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.testing.ManualClock;
import io.taskgraph.domain.testing.ScriptedRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskWordingTest {
    private final ManualClock clock = new ManualClock();
    private final RunTracker tracker = new RunTracker(clock);

    private String detail(String task) {
        return TaskWording.detail(tracker.snapshot().task(task).orElseThrow());
    }

    @Test
    void eachStateSaysWhatMattersAboutIt() {
        tracker.apply(ScriptedRun.started(Path.of("/w")));
        assertEquals("", detail("prep"));
        assertEquals("for sales, costs", detail("report"));

        tracker.apply(new RunEvent.TaskStarted("prep", TaskKind.AGENT));
        assertEquals("starting · 0 SQL · 0 tokens · 0ms", detail("prep"));
        clock.advance(Duration.ofMillis(4200));
        tracker.apply(new RunEvent.TaskIteration("prep", 2, new Usage(1400, 100, 0, 0)));
        tracker.apply(new RunEvent.SqlExecuted("prep", "SELECT 1", true, null, 1, 1));
        tracker.apply(new RunEvent.SqlExecuted("prep", "SELECT x", false, "no x", 0, 1));
        tracker.apply(new RunEvent.ValidationFailed("prep", List.of("View 'x' does not exist.")));
        assertEquals("iteration 2 · 2 SQL (1 failed) · 1.5k tokens · 4.2s · validation failed, fixing", detail("prep"));

        tracker.apply(new RunEvent.TaskFinished(ScriptedRun.PREP));
        assertEquals("3 iterations · 2 SQL (1 failed) · 1.2k tokens · 4.9s", detail("prep"));

        tracker.apply(new RunEvent.TaskFinished(ScriptedRun.COSTS));
        assertEquals("200 iterations · 0 SQL · 2.1M tokens · 3m12s · iteration budget of 200 model calls spent",
                detail("costs"));
        tracker.apply(new RunEvent.TaskFinished(ScriptedRun.REPORT_BLOCKED));
        assertEquals("Not run because upstream task 'costs' failed.", detail("report"));
    }

    @Test
    void aSqlTaskHasNoIterationsAndAReusedTaskNoEffort() {
        TaskProgress sql = new TaskProgress("load", Optional.of(TaskKind.SQL), TaskState.PASSED, List.of(), List.of(),
                List.of(), 0, 3, 0, 3, Usage.NONE, Duration.ofMillis(120), "", "", List.of(), List.of());
        assertEquals("3 SQL · 0 tokens · 120ms", TaskWording.detail(sql));

        TaskProgress reused = new TaskProgress("load", Optional.of(TaskKind.SQL), TaskState.REUSED, List.of(), List.of(),
                List.of(), 0, 0, 0, 0, Usage.NONE, Duration.ZERO, "", "", List.of(), List.of());
        assertEquals("still valid, no model call", TaskWording.detail(reused));

        TaskProgress blocked = new TaskProgress("r", Optional.empty(), TaskState.BLOCKED, List.of("a"), List.of(),
                List.of("a"), 0, 0, 0, 0, Usage.NONE, Duration.ZERO, "", "", List.of(), List.of());
        assertEquals("by a", TaskWording.detail(blocked), "without a reason, the tasks that blocked it");
    }
}
