package io.taskgraph.application.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.testing.ScriptedRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunWordingTest {
    private static RunSummary summary(List<TaskOutcome> tasks, List<ExportResult> exports, boolean interrupted) {
        return new RunSummary(Path.of("o.db"), tasks, exports, Duration.ofSeconds(4), interrupted);
    }

    @Test
    void theVerdictCountsWhatPassedAndNamesEverythingElse() {
        assertEquals("Done: 2 of 2 tasks passed (1 reused).",
                RunWording.verdict(summary(List.of(ScriptedRun.PREP, ScriptedRun.reused("sales")), List.of(), false)));
        assertEquals("Finished with failures: 1 of 2 tasks passed (1 failed, 1 export failed).",
                RunWording.verdict(summary(List.of(ScriptedRun.PREP, ScriptedRun.COSTS),
                        List.of(new ExportResult("r.csv", Path.of("r.csv"), Optional.of("disk full"))), false)));
        assertEquals("Interrupted: 1 of 1 task passed. The workspace is valid and records the interruption.",
                RunWording.verdict(summary(List.of(ScriptedRun.PREP), List.of(), true)));
        assertEquals("Finished with failures: 1 of 1 task passed (1 export failed).",
                RunWording.verdict(summary(List.of(ScriptedRun.PREP),
                        List.of(new ExportResult("r.csv", Path.of("r.csv"), Optional.of("x"))), false)));
    }

    @Test
    void tasksLeftOutByASelectionAreCountedApartFromTheSelectedOnes() {
        TaskOutcome report = TaskOutcome.notSelected("report", TaskKind.AGENT);
        assertEquals("Done: 2 of 2 selected tasks passed (1 not selected).",
                RunWording.verdict(summary(List.of(ScriptedRun.PREP, ScriptedRun.SALES, report), List.of(), false)));
        assertEquals("Finished with failures: 1 of 2 selected tasks passed (1 failed, 1 not selected).",
                RunWording.verdict(summary(List.of(ScriptedRun.PREP, ScriptedRun.COSTS, report), List.of(), false)));
    }

    @Test
    void totalsAddUpEveryTasksEffortAndTheRunsTime() {
        assertEquals("Total: 5 iterations, 6 tool calls, 1.8k tokens, 4.0s.",
                RunWording.totals(summary(List.of(ScriptedRun.PREP, ScriptedRun.SALES), List.of(), false)));
    }
}
