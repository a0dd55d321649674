package io.taskgraph.domain.run;

import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.ExportResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The end of a run: every task's outcome, the exports, and totals. */
public record RunSummary(Path output, List<TaskOutcome> tasks, List<ExportResult> exports, Duration elapsed,
                         boolean interrupted) {
    public RunSummary {
        tasks = List.copyOf(tasks);
        exports = List.copyOf(exports);
    }

    /** Every task that was part of the run passed; tasks left out by a selection do not count. */
    public boolean allTasksPassed() {
        return tasks.stream().allMatch(t -> t.status().passed() || t.status() == TaskStatus.NOT_SELECTED);
    }

    public boolean succeeded() {
        return !interrupted && allTasksPassed() && exports.stream().allMatch(ExportResult::succeeded);
    }

    public Usage usage() {
        return tasks.stream().map(TaskOutcome::usage).reduce(Usage.NONE, Usage::plus);
    }
}
