package io.taskgraph.adapters.web.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogLinesTest {
    private static TaskOutcome outcome(String task, TaskStatus status, String reason) {
        return new TaskOutcome(task, TaskKind.AGENT, status, 3, 2, new Usage(1200, 34, 0, 0), Duration.ofMillis(2150),
                reason, List.of(), "");
    }

    @Test
    void eachEventReadsAsOneConsoleLine() {
        assertEquals(List.of("Running specs.main with m/x: 2 tasks"), LogLines.of(new RunEvent.RunStarted("specs.main",
                Path.of("o.db"), "m/x", Map.of("a", List.of(), "b", List.of("a")), false)));
        assertEquals(List.of("ingested sales: 1 row (0.3s)"),
                LogLines.of(new RunEvent.InputIngested("sales", 1, Duration.ofMillis(250))));
        assertEquals(List.of("[a] iteration 2 (1,234 tokens so far)"),
                LogLines.of(new RunEvent.TaskIteration("a", 2, new Usage(1200, 34, 0, 0))));
        assertEquals(List.of("[a] sql error: Catalog Error: no table x -- SELECT * FROM x"),
                LogLines.of(new RunEvent.SqlExecuted("a", "SELECT *\n  FROM x", false, "Catalog Error:\nno table x", 0, 2)));
        assertEquals(List.of("[a] passed (3 iterations, 2 tool calls, 1,234 tokens, 2.2s)"),
                LogLines.of(new RunEvent.TaskFinished(outcome("a", TaskStatus.PASSED, ""))));
        assertEquals(List.of("[b] failed (3 iterations, 2 tool calls, 1,234 tokens, 2.2s): iteration budget spent"),
                LogLines.of(new RunEvent.TaskFinished(outcome("b", TaskStatus.FAILED, "iteration budget spent"))));
        assertEquals(List.of("export r.csv failed: disk full"),
                LogLines.of(new RunEvent.ExportFinished(new ExportResult("r.csv", Path.of("r.csv"), Optional.of("disk full")))));
    }

    @Test
    void validationFailuresListEveryMessageOnItsOwnLine() {
        assertEquals(List.of("[a] validation failed:", "[a]   - view v is missing", "[a]   - column c is missing"),
                LogLines.of(new RunEvent.ValidationFailed("a", List.of("view v is missing", "column c\nis missing"))));
    }

    @Test
    void longSqlIsShortenedToOneLine() {
        String sql = "SELECT " + "x, ".repeat(100) + "y FROM t";
        String line = LogLines.of(new RunEvent.SqlExecuted("a", sql, true, null, 5, 1)).get(0);
        assertEquals("[a] sql ok, 5 rows, 1 ms: ".length() + LogLines.SQL_PREVIEW_CHARS, line.length());
        assertEquals("...", line.substring(line.length() - 3));
    }

    @Test
    void theSummaryCountsTasksByStatusExportsAndTokens() {
        RunSummary summary = new RunSummary(Path.of("o.db"),
                List.of(outcome("a", TaskStatus.PASSED, ""), outcome("b", TaskStatus.FAILED, "x"),
                        TaskOutcome.blocked("c", TaskKind.AGENT, "b failed")),
                List.of(new ExportResult("r.csv", Path.of("r.csv"), Optional.empty())), Duration.ofMillis(4000), false);
        assertEquals(List.of("Finished in 4.0s: 1 passed, 1 failed, 1 blocked, 1 export written; 2,468 tokens"),
                LogLines.of(new RunEvent.RunFinished(summary)));
    }
}
