package io.taskgraph.adapters.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.adapters.cli.progress.Style;
import io.taskgraph.adapters.cli.rerun.RerunCommandLine;
import io.taskgraph.application.progress.RunTracker;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangedButReusedTest {
    private final RunTracker tracker = new RunTracker(new ManualClock());

    private String printed(ChangedButReused changed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        changed.print(tracker.snapshot(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void reused(String task, List<String> changed) {
        tracker.apply(new RunEvent.TaskReused(task, changed));
        tracker.apply(new RunEvent.TaskFinished(new TaskOutcome(task, TaskKind.AGENT, TaskStatus.REUSED, 0, 0,
                Usage.NONE, Duration.ZERO, "", List.of(), "")));
    }

    @Test
    void reusedTasksWhoseDefinitionChangedAreListedInSpecOrderWithTheCommandThatRunsThemAgain() {
        ChangedButReused changed = new ChangedButReused(new RerunCommandLine("jan.db", "feb.db", Optional.empty(),
                Optional.empty()), Style.plain());
        Map<String, List<String>> tasks = new LinkedHashMap<>();
        List.of("prep", "sales", "costs", "report").forEach(t -> tasks.put(t, List.of()));
        tracker.apply(new RunEvent.RunStarted("m", Path.of("feb.db"), "model", tasks, false));
        reused("report", List.of("validate_sql"));
        reused("prep", List.of());
        reused("sales", List.of("prompt", "repair"));

        assertEquals("""

                Reused although their definition changed since their views were built (the views still pass validation):
                  sales   prompt and repair changed; run it again: taskgraph rerun jan.db -o feb.db -f --select sales
                  report  validate_sql changed; run it again: taskgraph rerun jan.db -o feb.db -f --select report
                  or run every changed task again: taskgraph rerun jan.db -o feb.db -f --mode changed
                """, printed(changed));
    }

    @Test
    void nothingIsPrintedWhenNoReusedTaskChanged() {
        ChangedButReused changed = new ChangedButReused(new RerunCommandLine("a.db", "b.db", Optional.empty(),
                Optional.empty()), Style.plain());
        reused("prep", List.of());
        assertEquals("", printed(changed));
    }
}
