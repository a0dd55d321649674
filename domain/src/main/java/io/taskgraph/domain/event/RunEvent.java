package io.taskgraph.domain.event;

import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.spec.TaskKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What happens during a run, in order, for the CLI and the web page to render. */
public sealed interface RunEvent {
    /** The run is about to start: the tasks in display order with the tasks each depends on. */
    record RunStarted(String specModule, Path output, String model, Map<String, List<String>> dependencies,
                      boolean replay) implements RunEvent {
    }

    record Warning(String message) implements RunEvent {
    }

    record InputIngested(String input, long rows, Duration elapsed) implements RunEvent {
    }

    /**
     * A rerun works from the data recorded in {@code source}, or, when {@code reingested}, from fresh data the spec's
     * inputs provide. Follows {@link RunStarted}.
     */
    record RerunData(Path source, boolean reingested) implements RunEvent {
    }

    /**
     * A file input {@code input} was ingested from has changed on disk since the source workspace recorded it
     * ({@code change}: {@code "size 120 -> 164 bytes"}, {@code "it no longer exists"}); the rerun still uses the
     * recorded rows.
     */
    record InputFileChanged(String input, Path file, String change) implements RunEvent {
    }

    /**
     * The spec a rerun loaded differs from the one its source workspace recorded ({@code change}: {@code "its source
     * was edited; git commit 1234567 -> 89abcde"}); the rerun uses the spec as it is now.
     */
    record SpecChanged(String module, String change) implements RunEvent {
    }

    /**
     * A rerun runs a task again instead of reusing its views, for {@code reason}: {@code "selected"},
     * {@code "prompt changed"}, {@code "validation failed: <first failure>"}, {@code "upstream prep re-run and a check
     * now fails: <first failure>"}, {@code "review mode"}. {@link TaskStarted} follows.
     */
    record TaskRerunning(String task, String reason) implements RunEvent {
    }

    /**
     * A rerun keeps a task's views as they are, because they pass validation; no agent runs. {@code changed} names the
     * fields of the task's definition that changed since those views were built ({@code [prompt]}), empty when none
     * did (or none can be told). {@link TaskFinished} with status REUSED follows.
     */
    record TaskReused(String task, List<String> changed) implements RunEvent {
        public TaskReused {
            changed = List.copyOf(changed);
        }
    }

    /** A task's agent or SQL starts (a reused or unselected task never starts). */
    record TaskStarted(String task, TaskKind kind) implements RunEvent {
    }

    /** The agent is about to make model call {@code iteration}; usage so far. */
    record TaskIteration(String task, int iteration, Usage usage) implements RunEvent {
    }

    record SqlExecuted(String task, String sql, boolean success, String error, long rowCount, long elapsedMs)
            implements RunEvent {
    }

    record ValidationFailed(String task, List<String> messages) implements RunEvent {
    }

    /** A model call failed transiently and will be tried again after {@code delay}. */
    record LlmRetrying(String task, int attempt, Duration delay, String reason) implements RunEvent {
    }

    record TaskFinished(TaskOutcome outcome) implements RunEvent {
    }

    record ExportFinished(ExportResult result) implements RunEvent {
    }

    record RunFinished(RunSummary summary) implements RunEvent {
    }
}
