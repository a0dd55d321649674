package io.taskgraph.domain.run;

import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.spec.TaskKind;
import java.time.Duration;
import java.util.List;

/**
 * How one task ended: status, effort spent, and (when it did not pass) the reason and the last
 * validation failures. {@code finalMessage} is the agent's last text answer, if any.
 */
public record TaskOutcome(
        String task,
        TaskKind kind,
        TaskStatus status,
        int iterations,
        int toolCalls,
        Usage usage,
        Duration elapsed,
        String reason,
        List<String> failures,
        String finalMessage) {

    public TaskOutcome {
        failures = List.copyOf(failures);
        reason = reason == null ? "" : reason;
        finalMessage = finalMessage == null ? "" : finalMessage;
    }

    /** A task a run with a selection left out. */
    public static TaskOutcome notSelected(String task, TaskKind kind) {
        return new TaskOutcome(task, kind, TaskStatus.NOT_SELECTED, 0, 0, Usage.NONE, Duration.ZERO,
                "Not selected.", List.of(), "");
    }

    public static TaskOutcome blocked(String task, TaskKind kind, String reason) {
        return new TaskOutcome(task, kind, TaskStatus.BLOCKED, 0, 0, Usage.NONE, Duration.ZERO, reason, List.of(), "");
    }
}
