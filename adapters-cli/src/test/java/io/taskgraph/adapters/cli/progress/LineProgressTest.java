package io.taskgraph.adapters.cli.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.testing.ManualClock;
import io.taskgraph.domain.testing.ScriptedRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineProgressTest {
    private static final Path BASE = Path.of("/projects/shop");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ManualClock clock = new ManualClock();

    private void play(List<RunEvent> events, boolean quiet, boolean verbose) {
        LineProgress progress = new LineProgress(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock, BASE, quiet, verbose);
        ScriptedRun.play(events, progress, clock, Duration.ofMillis(1500));
        progress.close();
    }

    @Test
    void plainOutputHasOneTimedLinePerNotableEventAndWarningsOnStderr() {
        play(ScriptedRun.withFailure(BASE), false, false);

        assertEquals("""
                [    0ms] Running my_app.specs.main -> out.db with openai/gpt-5.2: 4 tasks
                [   3.0s] ingested transactions: 1200 rows (40ms)
                [   4.5s] prep: started (agent)
                [  12.0s] prep: validation failed: View 'prepared_sales' does not exist.
                    View 'prepared_costs' does not exist.
                [  13.5s] prep: model call failed (HTTP 429 rate limited); retry 1 in 3.0s
                [  15.0s] prep: passed (3 iterations, 4 tool calls, 1.2k tokens, 4.9s)
                [  16.5s] sales: started (agent)
                [  18.0s] costs: started (agent)
                [  19.5s] sales: passed (2 iterations, 2 tool calls, 600 tokens, 1.2s)
                [  21.0s] costs: failed: iteration budget of 200 model calls spent (200 iterations, 412 tool calls, 2.1M tokens, 3m12s)
                    last validation: View 'costs_summary' does not exist.
                [  22.5s] report: blocked: Not run because upstream task 'costs' failed.
                """, out.toString(StandardCharsets.UTF_8), "the verdict is left to the summary that follows");
        assertEquals("[   1.5s] warning: spec has uncommitted changes\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPassingRunSaysItIsAReplayAndWhereItsExportWent() {
        play(ScriptedRun.passingWithExport(BASE), false, false);

        assertEquals("""
                [    0ms] Running my_app.specs.main -> out.db with openai/gpt-5.2 (replay: recorded answers, no model is called): 1 task
                [   1.5s] prep: started (agent)
                [   3.0s] prep: passed (1 iteration, 1 tool call, 15 tokens, 300ms)
                [   4.5s] export report.csv: wrote exports/report.csv
                """, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void quietKeepsOnlyWarningsAndErrors() {
        play(ScriptedRun.withFailure(BASE), true, false);

        assertEquals("""
                [  21.0s] costs: failed: iteration budget of 200 model calls spent (200 iterations, 412 tool calls, 2.1M tokens, 3m12s)
                    last validation: View 'costs_summary' does not exist.
                """, out.toString(StandardCharsets.UTF_8));
        assertEquals("[   1.5s] warning: spec has uncommitted changes\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void verboseAddsEveryModelCallAndSqlStatementOnOneLine() {
        play(ScriptedRun.withFailure(BASE), false, true);

        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(true, text.contains("""
                [   4.5s] prep: started (agent)
                [   6.0s] prep: iteration 1 (0 tokens so far)
                [   7.5s] prep: SQL ok, 5 rows, 3ms: SELECT * FROM transactions LIMIT 5
                [   9.0s] prep: SQL error: Only views and macros may be created.: CREATE TABLE t AS SELECT 1
                [  10.5s] prep: iteration 2 (1.0k tokens so far)
                [  12.0s] prep: validation failed"""), text);
    }
}
