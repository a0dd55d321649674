package io.taskgraph.application.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.application.progress.ProgressLine.Level;
import io.taskgraph.application.progress.ProgressLine.Topic;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.testing.ScriptedRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventWordingTest {
    private static final Path BASE = Path.of("/projects/shop");
    private final EventWording wording = new EventWording(BASE);

    private String text(RunEvent event) {
        ProgressLine line = wording.line(event).orElseThrow();
        List<String> all = new ArrayList<>(List.of(line.text()));
        line.more().forEach(more -> all.add("    " + more));
        return String.join("\n", all);
    }

    @Test
    void everyEventOfARunReadsAsOneLineWithItsLevelAndTopic() {
        List<String> lines = new ArrayList<>();
        for (RunEvent event : ScriptedRun.withFailure(BASE)) {
            ProgressLine line = wording.line(event).orElseThrow(() -> new AssertionError("no line for " + event));
            lines.add(line.level() + " " + line.topic() + " | " + text(event));
        }

        assertEquals(List.of(
                "INFO RUN | Running my_app.specs.main -> out.db with openai/gpt-5.2: 4 tasks",
                "WARNING RUN | warning: spec has uncommitted changes",
                "INFO INPUT | ingested transactions: 1200 rows (40ms)",
                "INFO TASK_STARTED | prep: started (agent)",
                "DETAIL TASK_PROGRESS | prep: iteration 1 (0 tokens so far)",
                "DETAIL TASK_PROGRESS | prep: SQL ok, 5 rows, 3ms: SELECT * FROM transactions LIMIT 5",
                "DETAIL TASK_PROGRESS | prep: SQL error: Only views and macros may be created.: CREATE TABLE t AS SELECT 1",
                "DETAIL TASK_PROGRESS | prep: iteration 2 (1.0k tokens so far)",
                "INFO TASK_PROGRESS | prep: validation failed: View 'prepared_sales' does not exist.\n"
                        + "    View 'prepared_costs' does not exist.",
                "INFO TASK_PROGRESS | prep: model call failed (HTTP 429 rate limited); retry 1 in 3.0s",
                "INFO TASK_SETTLED | prep: passed (3 iterations, 4 tool calls, 1.2k tokens, 4.9s)",
                "INFO TASK_STARTED | sales: started (agent)",
                "INFO TASK_STARTED | costs: started (agent)",
                "INFO TASK_SETTLED | sales: passed (2 iterations, 2 tool calls, 600 tokens, 1.2s)",
                "ERROR TASK_SETTLED | costs: failed: iteration budget of 200 model calls spent "
                        + "(200 iterations, 412 tool calls, 2.1M tokens, 3m12s)\n"
                        + "    last validation: View 'costs_summary' does not exist.",
                "INFO TASK_SETTLED | report: blocked: Not run because upstream task 'costs' failed.",
                "ERROR RUN_FINISHED | Finished with failures: 2 of 4 tasks passed (1 failed, 1 blocked).\n"
                        + "    Total: 205 iterations, 418 tool calls, 2.1M tokens, 3m20s."), lines);
    }

    @Test
    void aPassingRunNamesItsReplayItsExportAndSaysDone() {
        List<String> lines = ScriptedRun.passingWithExport(BASE).stream().map(this::text).toList();

        assertEquals(List.of(
                "Running my_app.specs.main -> out.db with openai/gpt-5.2 (replay: recorded answers, no model is called): 1 task",
                "prep: started (agent)",
                "prep: passed (1 iteration, 1 tool call, 15 tokens, 300ms)",
                "export report.csv: wrote exports/report.csv",
                "Done: 1 of 1 task passed.\n    Total: 1 iteration, 1 tool call, 15 tokens, 1.0s."), lines);
    }

    @Test
    void aSelectionSaysWhichTasksItLeftOutAndCountsOnlyTheSelected() {
        List<String> lines = ScriptedRun.selected(BASE).stream().map(this::text).toList();

        assertEquals(List.of(
                "Running my_app.specs.main -> out.db with openai/gpt-5.2: 4 tasks",
                "costs: not selected",
                "report: not selected",
                "prep: started (agent)",
                "prep: passed (3 iterations, 4 tool calls, 1.2k tokens, 4.9s)",
                "sales: started (agent)",
                "sales: passed (2 iterations, 2 tool calls, 600 tokens, 1.2s)",
                "Done: 2 of 2 selected tasks passed (2 not selected).\n"
                        + "    Total: 5 iterations, 6 tool calls, 1.8k tokens, 7.0s."), lines);
    }

    @Test
    void aRerunSaysWhatDataItUsesWhatChangedAndWhyEachTaskRunsAgain() {
        List<String> lines = new ArrayList<>();
        for (RunEvent event : ScriptedRun.rerun(BASE)) {
            ProgressLine line = wording.line(event).orElseThrow(() -> new AssertionError("no line for " + event));
            lines.add(line.level() + " " + line.topic() + " | " + text(event));
        }

        assertEquals(List.of(
                "INFO RUN | Running my_app.specs.main -> out.db with openai/gpt-5.2: 4 tasks",
                "INFO RUN | data: the tables recorded in jan.db (not re-ingested)",
                "WARNING RUN | note: spec my_app.specs.main was edited since jan.db recorded it (git commit 1234567 -> "
                        + "89abcde); this rerun uses it as it is now (--ignore-commit hides this note)",
                "WARNING RUN | warning: input 'transactions' file data/transactions.csv changed on disk since it was "
                        + "recorded (size 120 -> 164 bytes); this rerun uses the recorded rows: pass --reingest to read "
                        + "the file as it is now",
                "INFO TASK_PROGRESS | prep: reused, its views still pass; its prompt has changed since they were built",
                "INFO TASK_SETTLED | prep: still valid, reused (no model call)",
                "INFO TASK_PROGRESS | sales: runs again: prompt changed",
                "INFO TASK_STARTED | sales: started (agent)",
                "DETAIL TASK_PROGRESS | costs: its views still pass validation",
                "INFO TASK_SETTLED | costs: still valid, reused (no model call)",
                "INFO TASK_SETTLED | sales: passed (2 iterations, 2 tool calls, 600 tokens, 1.2s)",
                "INFO TASK_PROGRESS | report: runs again: upstream sales re-ran and a check now fails: total is NULL",
                "INFO TASK_STARTED | report: started (agent)",
                "INFO TASK_SETTLED | report: passed (1 iteration, 2 tool calls, 350 tokens, 800ms)",
                "INFO RUN_FINISHED | Done: 4 of 4 tasks passed (2 reused).\n"
                        + "    Total: 3 iterations, 4 tool calls, 950 tokens, 3.0s."), lines);
        assertEquals("data: re-ingested from the spec's inputs",
                text(new RunEvent.RerunData(BASE.resolve("jan.db"), true)));
        assertEquals("sales: reused, its views still pass; its prompt and repair have changed since they were built",
                text(new RunEvent.TaskReused("sales", List.of("prompt", "repair"))));
    }

    @Test
    void everyKindOfEventHasItsWording() {
        List<RunEvent> events = ScriptedRun.everyKind(BASE);
        assertEquals(Arrays.stream(RunEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).sorted().toList(),
                events.stream().map(e -> e.getClass().getSimpleName()).distinct().sorted().toList(),
                "a new kind of event needs a line in the scripts above and its wording in EventWording");
        events.forEach(e -> assertEquals(true, wording.line(e).isPresent(), e.toString()));
    }

    @Test
    void pathsOutsideTheBaseStayAsTheyAre() {
        assertEquals("Running m -> /elsewhere/out.db with x: 0 tasks", text(new RunEvent.RunStarted("m",
                Path.of("/elsewhere/out.db"), "x", java.util.Map.of(), false)));
    }

    @Test
    void everySettledStatusHasItsLine() {
        TaskOutcome reused = new TaskOutcome("prep", TaskKind.AGENT, TaskStatus.REUSED, 0, 0, Usage.NONE, Duration.ZERO,
                "", List.of(), "");
        TaskOutcome interrupted = new TaskOutcome("prep", TaskKind.SQL, TaskStatus.INTERRUPTED, 0, 2, Usage.NONE,
                Duration.ofMillis(2500), "Interrupted before the task's SQL finished.", List.of(), "");

        assertEquals("prep: still valid, reused (no model call)", text(new RunEvent.TaskFinished(reused)));
        assertEquals("prep: interrupted (0 iterations, 2 tool calls, 0 tokens, 2.5s)", text(new RunEvent.TaskFinished(interrupted)));
    }

    @Test
    void longListsOfFailuresAreCountedNotPrinted() {
        List<String> messages = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            messages.add("row " + i + "\nis wrong");
        }

        assertEquals("a: validation failed: row 1 is wrong\n    row 2 is wrong\n    row 3 is wrong\n    row 4 is wrong\n"
                + "    row 5 is wrong\n    (+3 more)", text(new RunEvent.ValidationFailed("a", messages)));
    }

    @Test
    void longSqlIsFoldedOntoOneShortenedLine() {
        String sql = "SELECT " + "x,\n ".repeat(100) + "y FROM t";
        String line = wording.line(new RunEvent.SqlExecuted("a", sql, true, null, 5, 1)).orElseThrow().text();

        assertEquals("a: SQL ok, 5 rows, 1ms: ".length() + EventWording.WIDTH, line.length());
        assertEquals(true, line.startsWith("a: SQL ok, 5 rows, 1ms: SELECT x, x, x, "), line);
        assertEquals("…", line.substring(line.length() - 1));
    }

    @Test
    void aMultiLineWarningKeepsItsLinesUnderTheFirst() {
        ProgressLine line = wording.line(new RunEvent.Warning("Spec changed since the run:\n  prompt of a")).orElseThrow();
        assertEquals(Level.WARNING, line.level());
        assertEquals(Topic.RUN, line.topic());
        assertEquals("warning: Spec changed since the run:", line.text());
        assertEquals(List.of("  prompt of a"), line.more());
    }

    @Test
    void aFailedExportIsAnErrorAndAnInterruptedRunAWarning() {
        ExportResult failed = new ExportResult("r.csv", Path.of("r.csv"), Optional.of("disk\nfull"));
        ProgressLine export = wording.line(new RunEvent.ExportFinished(failed)).orElseThrow();
        assertEquals(Level.ERROR, export.level());
        assertEquals("export r.csv failed: disk full", export.text());

        RunSummary stopped = new RunSummary(Path.of("o.db"), List.of(ScriptedRun.PREP), List.of(), Duration.ofSeconds(5), true);
        ProgressLine end = wording.line(new RunEvent.RunFinished(stopped)).orElseThrow();
        assertEquals(Level.WARNING, end.level());
        assertEquals("Interrupted: 1 of 1 task passed. The workspace is valid and records the interruption.", end.text());
    }
}
