package io.taskgraph.adapters.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.spec.TaskKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineProgressTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final MutableClock clock = new MutableClock();

    private static final List<RunEvent> RUN = List.of(
            new RunEvent.RunStarted("my_app.specs.main", Path.of("/work/runs/out.db"), "openai/gpt-5.2",
                    Map.of("prep", List.of()), false),
            new RunEvent.Warning("spec has uncommitted changes"),
            new RunEvent.InputIngested("transactions", 1200, Duration.ofMillis(40)),
            new RunEvent.TaskStarted("prep", TaskKind.AGENT),
            new RunEvent.TaskIteration("prep", 1, Usage.NONE),
            new RunEvent.SqlExecuted("prep", "SELECT *\nFROM transactions LIMIT 5", true, null, 5, 3),
            new RunEvent.SqlExecuted("prep", "CREATE TABLE t AS SELECT 1", false, "Only views and macros may be created.", 0, 1),
            new RunEvent.ValidationFailed("prep", List.of("View 'prepared_sales' does not exist.", "View 'prepared_costs' does not exist.")),
            new RunEvent.LlmRetrying("prep", 1, Duration.ofSeconds(3), "HTTP 429 rate limited"),
            new RunEvent.TaskFinished(RunEvents.passed("prep", 3, 4, 1000, 200, 4900)),
            new RunEvent.TaskFinished(RunEvents.failed("costs", "iteration budget spent", List.of("View 'costs_summary' does not exist."))),
            new RunEvent.ExportFinished(new ExportResult("report.csv", Path.of("report.csv"), Optional.of("boom"))));

    private void play(boolean quiet, boolean verbose) {
        LineProgress progress = new LineProgress(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock, Path.of("/work"), quiet, verbose);
        for (RunEvent event : RUN) {
            progress.on(event);
            clock.advance(Duration.ofMillis(1500));
        }
        progress.close();
    }

    @Test
    void plainOutputHasOneTimedLinePerNotableEventAndWarningsOnStderr() {
        play(false, false);

        assertEquals("""
                [   0.0s] Running my_app.specs.main -> runs/out.db with openai/gpt-5.2: 1 task
                [   3.0s] ingested transactions: 1200 rows (0.0s)
                [   4.5s] prep: started (agent)
                [  10.5s] prep: validation failed: View 'prepared_sales' does not exist. (+1 more)
                [  12.0s] prep: model call failed (HTTP 429 rate limited); retry 1 in 3.0s
                [  13.5s] prep: passed (3 iterations, 4 tool calls, 1.2k tokens, 4.9s)
                [  15.0s] costs: failed: iteration budget spent (200 iterations, 412 tool calls, 2.1M tokens, 3m12s)
                    last validation: View 'costs_summary' does not exist.
                [  16.5s] export report.csv failed: boom
                """, out.toString(StandardCharsets.UTF_8));
        assertEquals("[   1.5s] warning: spec has uncommitted changes\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void quietKeepsOnlyWarningsAndErrors() {
        play(true, false);

        assertEquals("""
                [  15.0s] costs: failed: iteration budget spent (200 iterations, 412 tool calls, 2.1M tokens, 3m12s)
                    last validation: View 'costs_summary' does not exist.
                [  16.5s] export report.csv failed: boom
                """, out.toString(StandardCharsets.UTF_8));
        assertEquals("[   1.5s] warning: spec has uncommitted changes\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void verboseAddsEverySqlStatementOnOneLine() {
        play(false, true);

        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(true, text.contains("[   7.5s] prep: SQL ok, 5 rows, 3 ms: SELECT * FROM transactions LIMIT 5\n"), text);
        assertEquals(true, text.contains("[   9.0s] prep: SQL error: Only views and macros may be created.: CREATE TABLE t AS SELECT 1\n"), text);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
