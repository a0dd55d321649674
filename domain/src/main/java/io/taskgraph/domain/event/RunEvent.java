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
