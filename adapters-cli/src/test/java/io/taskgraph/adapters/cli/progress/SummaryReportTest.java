package io.taskgraph.adapters.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.application.progress.RunTracker;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.testing.ManualClock;
import io.taskgraph.domain.testing.ScriptedRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryReportTest {
    private static final Path BASE = Path.of("/projects/shop");

    private static String print(List<RunEvent> run, String output, Style style) {
        RunTracker tracker = new RunTracker(new ManualClock());
        run.forEach(tracker::apply);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new SummaryReport(style).print(tracker.snapshot(), output, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<RunEvent> finished(boolean interrupted) {
        return List.of(new RunEvent.RunStarted(ScriptedRun.SPEC, BASE.resolve("out.db"), ScriptedRun.MODEL,
                Map.of("prep", List.of()), false), new RunEvent.TaskFinished(ScriptedRun.PREP), new RunEvent.RunFinished(
                new RunSummary(BASE.resolve("out.db"), List.of(ScriptedRun.PREP), List.of(), Duration.ofSeconds(6), interrupted)));
    }

    @Test
    void tableListsEveryTaskWithItsEffortAndATotal() {
        String text = print(ScriptedRun.withFailure(BASE), "out.db", Style.plain());

        assertTrue(text.contains("""
                  Task    Status   Iterations  Tool calls  Tokens   Time
                  prep    passed            3           4    1.2k   4.9s
                  sales   passed            2           2     600   1.2s
                  costs   failed          200         412    2.1M  3m12s
                  report  blocked           -           -       -      -
                  total                   205         418    2.1M  3m20s
                """), text);
    }

    @Test
    void verdictCountsStatusesAndExplainsFailures() {
        String text = print(ScriptedRun.withFailure(BASE), "out.db", Style.plain());

        assertTrue(text.contains("\nFinished with failures: 2 of 4 tasks passed (1 failed, 1 blocked).\n"
                + "  costs: iteration budget of 200 model calls spent\n      View 'costs_summary' does not exist.\n"), text);
    }

    @Test
    void exportsAreListedWithTheFileEachWrote() {
        String text = print(ScriptedRun.passingWithExport(BASE), "out.db", Style.plain());

        assertTrue(text.contains("Exports\n  report.csv  /projects/shop/exports/report.csv\n"), text);
        assertTrue(text.contains("Done: 1 of 1 task passed.\n"), text);
    }

    @Test
    void pointsAtTheTraceTheMetadataAndARerun() {
        String text = print(ScriptedRun.withFailure(BASE), "runs/my out.db", Style.plain());

        assertTrue(text.contains("Workspace /projects/shop/out.db\n"), text);
        assertTrue(text.contains("  duckdb 'runs/my out.db' \"SELECT * FROM _trace\"       "), text);
        assertTrue(text.contains("  duckdb 'runs/my out.db' \"SELECT * FROM _task_meta\""), text);
        assertTrue(text.contains("  taskgraph rerun 'runs/my out.db' -o 'runs/my out-rerun.db'"), text);
    }

    @Test
    void tasksLeftOutByASelectionAreListedButNotCounted() {
        String text = print(ScriptedRun.selected(BASE), "out.db", Style.plain());

        assertTrue(text.contains("  costs   not selected           -           -       -     -\n"), text);
        assertTrue(text.contains("  report  not selected           -           -       -     -\n"), text);
        assertTrue(text.contains("Done: 2 of 2 selected tasks passed (2 not selected).\n"), text);
        assertFalse(text.contains("taskgraph rerun"), "nothing failed, so no rerun is suggested: " + text);
    }

    @Test
    void successfulRunSaysDoneAndSuggestsNoRerun() {
        String text = print(finished(false), "out.db", Style.plain());

        assertTrue(text.contains("Done: 1 of 1 task passed."), text);
        assertFalse(text.contains("taskgraph rerun"), text);
    }

    @Test
    void interruptedRunSaysTheWorkspaceIsValidAndHowToContinue() {
        String text = print(finished(true), "out.db", Style.plain());

        assertTrue(text.contains("Interrupted: 1 of 1 task passed. The workspace is valid and records the interruption."), text);
        assertTrue(text.contains("taskgraph rerun out.db -o out-rerun.db"), text);
    }

    @Test
    void coloursOnlyWhenAskedAndKeepsColumnsAligned() {
        String coloured = print(ScriptedRun.withFailure(BASE), "out.db", new Style(true, true));

        assertTrue(coloured.contains("\033[32mpassed\033[0m"), coloured);
        assertTrue(coloured.contains("\033[31mfailed\033[0m"), coloured);
        assertTrue(coloured.contains("\033[31mFinished with failures: 2 of 4 tasks passed"), coloured);
        assertEquals(Style.visibleLength("  prep    \033[32mpassed\033[0m "), "  prep    passed ".length());
        assertFalse(print(ScriptedRun.withFailure(BASE), "out.db", Style.plain()).contains("\033["));
    }
}
