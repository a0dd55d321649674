package io.taskgraph.adapters.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryReportTest {
    private static String print(RunSummary summary, String output, Style style) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new SummaryReport(style).print(summary, output, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tableListsEveryTaskWithItsEffortAndATotal() {
        String text = print(RunEvents.diamondWithFailure(), "out.db", Style.plain());

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
        String text = print(RunEvents.diamondWithFailure(), "out.db", Style.plain());

        assertTrue(text.contains("Finished with failures: 2 of 4 tasks passed (1 failed, 1 blocked, 1 export failed)."), text);
        assertTrue(text.contains("  costs: iteration budget of 200 model calls spent\n      View 'costs_summary' does not exist.\n"), text);
        assertTrue(text.contains("Exports\n  report.csv  failed: blocked by failed tasks\n"), text);
    }

    @Test
    void pointsAtTheReportTheFailedStatementsAQueryAndARerun() {
        String text = print(RunEvents.diamondWithFailure(), "runs/my out.db", Style.plain());

        assertTrue(text.contains("Workspace /work/out.db\n"), text);
        assertTrue(text.contains("  taskgraph report 'runs/my out.db'   "), text);
        assertTrue(text.contains("# a page to review the run: graph, each task's SQL, rows, trace\n"), text);
        assertTrue(text.contains("  taskgraph trace 'runs/my out.db' --failed   "), text);
        assertTrue(text.contains("  taskgraph query 'runs/my out.db' \"SHOW TABLES\"   "), text);
        assertFalse(text.contains("duckdb "), "the DuckDB CLI is not needed to look at a run");
        assertTrue(text.contains("  taskgraph rerun 'runs/my out.db' -o 'runs/my out-rerun.db'"), text);
    }

    @Test
    void successfulRunSaysDoneAndSuggestsNoRerun() {
        RunSummary ok = new RunSummary(Path.of("/work/out.db"), List.of(RunEvents.passed("prep", 1, 1, 10, 5, 300)),
                List.of(), Duration.ofSeconds(1), false);

        String text = print(ok, "out.db", Style.plain());

        assertTrue(text.contains("Done: 1 of 1 task passed."), text);
        assertFalse(text.contains("taskgraph rerun"), text);
    }

    @Test
    void theCostTheServerReportedIsTotalledAndNoCostShowsNone() {
        TaskOutcome prep = RunEvents.passed("prep", 2, 1, 10, 5, 300);
        TaskOutcome sales = RunEvents.passed("sales", 1, 1, 10, 5, 300);
        RunSummary priced = new RunSummary(Path.of("runs", "out.db"), List.of(
                withCost(prep, "0.0125"), withCost(sales, "0.001")), List.of(), Duration.ofSeconds(1), false);
        RunSummary unpriced = new RunSummary(Path.of("runs", "out.db"), List.of(prep, sales), List.of(),
                Duration.ofSeconds(1), false);

        String text = print(priced, "out.db", Style.plain());
        String none = print(unpriced, "out.db", Style.plain());

        assertTrue(text.contains("\n  Cost: $0.0135 (as reported by the model server)\n"), text);
        assertFalse(none.contains("Cost") || none.contains("$"), none);
    }

    private static TaskOutcome withCost(TaskOutcome outcome, String dollars) {
        return new TaskOutcome(outcome.task(), outcome.kind(), outcome.status(), outcome.iterations(), outcome.toolCalls(),
                outcome.usage().withCost(new BigDecimal(dollars)), outcome.elapsed(), outcome.reason(),
                outcome.failures(), outcome.finalMessage());
    }

    @Test
    void interruptedRunSaysTheWorkspaceIsValidAndHowToContinue() {
        RunSummary stopped = new RunSummary(Path.of("/work/out.db"), List.of(RunEvents.passed("prep", 1, 1, 10, 5, 300)),
                List.of(), Duration.ofSeconds(1), true);

        String text = print(stopped, "out.db", Style.plain());

        assertTrue(text.contains("Interrupted: 1 of 1 task passed. The workspace is valid and records the interruption."), text);
        assertTrue(text.contains("taskgraph rerun out.db -o out-rerun.db"), text);
    }

    @Test
    void coloursOnlyWhenAskedAndKeepsColumnsAligned() {
        String coloured = print(RunEvents.diamondWithFailure(), "out.db", new Style(true, true));

        assertTrue(coloured.contains("\033[32mpassed\033[0m"), coloured);
        assertTrue(coloured.contains("\033[31mfailed\033[0m"), coloured);
        assertEquals(Style.visibleLength("  prep    \033[32mpassed\033[0m "), "  prep    passed ".length());
        assertFalse(print(RunEvents.diamondWithFailure(), "out.db", Style.plain()).contains("\033["));
    }
}
