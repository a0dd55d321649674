package io.taskgraph.application.run;

import io.taskgraph.application.agent.AgentLoop;
import io.taskgraph.application.agent.AgentResult;
import io.taskgraph.application.agent.AgentSettings;
import io.taskgraph.application.agent.AgentStop;
import io.taskgraph.application.agent.SqlTaskRun;
import io.taskgraph.application.agent.TaskAgent;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.sql.Namespaces;
import io.taskgraph.domain.validation.OutputValidator;
import io.taskgraph.domain.validation.ValidationReport;
import java.time.Duration;
import java.util.List;

/**
 * Runs one task on its own thread with its own guarded connection: reuses it, runs its SQL (repairing with an
 * agent when allowed), or runs its agent, according to the task's kind and the run's {@link TaskPolicy}.
 */
final class TaskExecution {
    private final Workspace workspace;
    private final TaskPolicy policy;
    private final AgentSettings settings;
    private final AgentLoop loop;
    private final RunListener listener;
    private final RunControl control;
    private final Namespaces namespaces;

    TaskExecution(Workspace workspace, Namespaces namespaces, TaskPolicy policy, AgentSettings settings, LlmClient llm,
                  RunListener listener, RunControl control) {
        this.workspace = workspace;
        this.namespaces = namespaces;
        this.policy = policy;
        this.settings = settings;
        this.loop = new AgentLoop(llm, listener, e -> control.stop(new RunStop(
                "the model server refused the run's calls (" + e.detail() + ")", e.getMessage())));
        this.listener = listener;
        this.control = control;
    }

    TaskOutcome run(TaskSpec task) {
        long start = System.nanoTime();
        listener.on(new RunEvent.TaskStarted(task.name(), task.kind()));
        try (TaskSession session = workspace.openTaskSession(task.name(), namespaces.namespace(task.name()));
             RunControl.Registration ignored = control.onCancel(session::cancel)) {
            Attempt attempt = stoppedByTheRun(attempt(task, session));
            return attempt.outcome(task, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private Attempt attempt(TaskSpec task, TaskSession session) {
        ValidationReport existing = null;
        if (policy != TaskPolicy.BUILD) {
            existing = OutputValidator.validate(task, session);
            if (policy == TaskPolicy.REUSE_PASSING && existing.passed()) {
                return new Attempt(TaskStatus.REUSED, 0, 0, Usage.NONE, "", List.of(), "");
            }
        }
        if (task.kind() == TaskKind.SQL) {
            return sqlTask(task, session);
        }
        TaskAgent agent = existing == null ? TaskAgent.fresh(task, session, listener)
                : TaskAgent.review(task, session, listener, existing.failures());
        return Attempt.of(loop.run(agent, settings, control::isCancelled), 0);
    }

    /** An interrupted task says why when the run stopped itself (not the user). */
    private Attempt stoppedByTheRun(Attempt attempt) {
        return control.stopped().filter(stop -> attempt.status() == TaskStatus.INTERRUPTED)
                .map(stop -> attempt.because("Stopped before it finished: " + stop.cause() + "."))
                .orElse(attempt);
    }

    private Attempt sqlTask(TaskSpec task, TaskSession session) {
        SqlTaskRun.Result result = SqlTaskRun.run(task, session, listener, control::isCancelled);
        if (result.cancelled()) {
            return new Attempt(TaskStatus.INTERRUPTED, 0, result.statements(), Usage.NONE, "", List.of(),
                    "Interrupted before the task's SQL finished.");
        }
        if (result.passed()) {
            return new Attempt(TaskStatus.PASSED, 0, result.statements(), Usage.NONE, "", List.of(), "");
        }
        if (!task.repair()) {
            return new Attempt(TaskStatus.FAILED, 0, result.statements(), Usage.NONE, "", result.errors(),
                    "Its SQL did not produce valid outputs (the task has no \"repair\", so no agent was asked).");
        }
        AgentResult repaired = loop.run(TaskAgent.repair(task, session, listener, result.errors()), settings,
                control::isCancelled);
        return Attempt.of(repaired, result.statements());
    }

    /** What one attempt at a task came to, before the elapsed time is known. */
    private record Attempt(TaskStatus status, int iterations, int toolCalls, Usage usage, String finalMessage,
                           List<String> failures, String reason) {
        static Attempt of(AgentResult result, int earlierToolCalls) {
            TaskStatus status = result.stop() == AgentStop.PASSED ? TaskStatus.PASSED
                    : result.stop() == AgentStop.CANCELLED ? TaskStatus.INTERRUPTED : TaskStatus.FAILED;
            return new Attempt(status, result.iterations(), earlierToolCalls + result.toolCalls(), result.usage(),
                    result.finalMessage(), status == TaskStatus.PASSED ? List.of() : result.failures(),
                    result.reason());
        }

        Attempt because(String why) {
            return new Attempt(status, iterations, toolCalls, usage, finalMessage, failures, why);
        }

        TaskOutcome outcome(TaskSpec task, Duration elapsed) {
            return new TaskOutcome(task.name(), task.kind(), status, iterations, toolCalls, usage, elapsed, reason,
                    failures, finalMessage);
        }
    }
}
