package io.taskgraph.domain.run;

import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.ExportResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The end of a run: every task's outcome, the exports, and totals. {@code interrupted} when it ended before its tasks
 * were done; {@code stopReason} when it stopped itself because no task could succeed any more (e.g. the model server
 * refused the API key): what failed and how to fix it.
 */
public record RunSummary(Path output, List<TaskOutcome> tasks, List<ExportResult> exports, Duration elapsed,
                         boolean interrupted, Optional<String> stopReason) {
    public RunSummary {
        tasks = List.copyOf(tasks);
        exports = List.copyOf(exports);
        Objects.requireNonNull(stopReason, "stopReason");
    }

    /** A run that went to its end or was stopped by the user. */
    public RunSummary(Path output, List<TaskOutcome> tasks, List<ExportResult> exports, Duration elapsed,
                      boolean interrupted) {
        this(output, tasks, exports, elapsed, interrupted, Optional.empty());
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
