package io.taskgraph.application.progress;

import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.spec.TaskKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One task at one moment of a run, as {@link RunTracker} folded it from the run's events.
 *
 * @param kind       known once the task started or settled (the run's announcement does not say)
 * @param dependsOn  the tasks it depends on, as the run announced them
 * @param waitingFor while {@link TaskState#WAITING}: the dependencies that have not passed yet
 * @param blockedBy  when {@link TaskState#BLOCKED}: the dependencies that did not pass
 * @param iteration  the model call the agent is at; once settled, the number of model calls it made
 * @param sqlCount   SQL statements run so far, {@code failedSql} of them failed
 * @param toolCalls  the tool calls of its outcome (0 until it settles)
 * @param usage      tokens spent so far (the outcome's once settled), and what the model server said they cost
 * @param elapsed    time since it started while running; its outcome's time once settled
 * @param note       what a running task is doing besides its next model call (a retry, fixing validation)
 * @param reason     why it is in its state (why it failed, why it is blocked, why a rerun runs it again), free
 *                   text; empty when nothing to say
 * @param failures   its last validation failures
 * @param changed    when a rerun reused it: the fields of its definition that changed since its views were built
 */
public record TaskProgress(String task, Optional<TaskKind> kind, TaskState state, List<String> dependsOn,
                           List<String> waitingFor, List<String> blockedBy, int iteration, int sqlCount,
                           int failedSql, int toolCalls, Usage usage, Duration elapsed, String note, String reason,
                           List<String> failures, List<String> changed) {
    public TaskProgress {
        changed = List.copyOf(changed);
        dependsOn = List.copyOf(dependsOn);
        waitingFor = List.copyOf(waitingFor);
        blockedBy = List.copyOf(blockedBy);
        failures = List.copyOf(failures);
        note = note == null ? "" : note;
        reason = reason == null ? "" : reason;
    }

    public long tokens() {
        return usage.total();
    }

    /** What the model server said the task's calls cost so far, in dollars; empty when it reported none. */
    public Optional<BigDecimal> cost() {
        return usage.cost();
    }
}
