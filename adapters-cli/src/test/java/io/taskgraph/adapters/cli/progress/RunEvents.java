package io.taskgraph.adapters.cli.progress;

import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Outcomes and summaries for the renderer tests: the diamond of SEED.md with one failure. */
final class RunEvents {
    private RunEvents() {
    }

    static TaskOutcome passed(String task, int iterations, int toolCalls, long prompt, long completion, long millis) {
        return new TaskOutcome(task, TaskKind.AGENT, TaskStatus.PASSED, iterations, toolCalls,
                new Usage(prompt, completion, 0, 0), Duration.ofMillis(millis), "", List.of(), "done");
    }

    static TaskOutcome failed(String task, String reason, List<String> failures) {
        return new TaskOutcome(task, TaskKind.AGENT, TaskStatus.FAILED, 200, 412, new Usage(2_000_000, 100_000, 0, 0),
                Duration.ofSeconds(192), reason, failures, "");
    }

    static RunSummary diamondWithFailure() {
        return new RunSummary(Path.of("/work/out.db"), List.of(
                passed("prep", 3, 4, 1000, 200, 4900),
                passed("sales", 2, 2, 500, 100, 1200),
                failed("costs", "iteration budget of 200 model calls spent", List.of("View 'costs_summary' does not exist.")),
                TaskOutcome.blocked("report", TaskKind.AGENT, "waits for costs, which failed")),
                List.of(new ExportResult("report.csv", Path.of("/work/report.csv"), Optional.of("blocked by failed tasks"))),
                Duration.ofSeconds(200), false);
    }
}
