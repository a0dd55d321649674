package io.taskgraph.application.inspect;

import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.run.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One task as a workspace recorded it: its place in the graph (from the structural fingerprint) and what its
 * {@code _task_meta} says. {@code status} is empty for a task that never finished (the run was interrupted or
 * killed before). A reused task's figures are those of the earlier run that built its views.
 */
public record RecordedTask(
        String name,
        List<String> inputs,
        List<String> outputs,
        List<String> dependsOn,
        String prompt,
        Optional<TaskStatus> status,
        Optional<String> kind,
        Optional<String> model,
        Optional<String> reasoningEffort,
        Optional<Integer> iterations,
        Optional<Integer> toolCalls,
        Usage usage,
        Optional<Duration> elapsed,
        Optional<String> validation,
        String finalMessage,
        String reason,
        List<String> failures,
        Optional<String> finishedAt) {

    public RecordedTask {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        dependsOn = List.copyOf(dependsOn);
        failures = List.copyOf(failures);
    }

    /** {@code passed}, {@code reused}, {@code not selected}, ... or {@code not run}: the words a person reads. */
    public String statusLabel() {
        return status.map(s -> s.label().replace('_', ' ')).orElse("not run");
    }

    /**
     * Whether the task's agent or SQL ran in the run that wrote the workspace, so its figures are that run's: it
     * passed, failed or was stopped. A reused, blocked or unselected task keeps the record of an earlier run.
     */
    public boolean ranInThisRun() {
        return status.filter(s -> s == TaskStatus.PASSED || s == TaskStatus.FAILED || s == TaskStatus.INTERRUPTED)
                .isPresent();
    }
}
