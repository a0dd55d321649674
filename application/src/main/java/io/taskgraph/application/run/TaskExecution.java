package io.taskgraph.application.run;

import io.taskgraph.application.agent.AgentLoop;
import io.taskgraph.application.agent.AgentResult;
import io.taskgraph.application.agent.AgentSettings;
import io.taskgraph.application.agent.AgentStop;
import io.taskgraph.application.agent.InputPreviews;
import io.taskgraph.application.agent.SqlTaskRun;
import io.taskgraph.application.agent.TaskAgent;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.graph.TaskGraph;
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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one task on its own thread with its own guarded connection: asks the run's {@link TaskDecider} what to do,
 * then reuses the task, refuses it, runs its SQL (repairing with an agent when allowed), or runs its agent. Only a
 * task whose agent or SQL actually runs is announced with {@link RunEvent.TaskStarted}.
 */
final class TaskExecution {
    private final Workspace workspace;
    private final TaskGraph graph;
    private final TaskDecider decider;
    private final AgentSettings settings;
    private final AgentLoop loop;
    private final RunListener listener;
    private final RunControl control;
    private final Namespaces namespaces;
    private final Map<String, TaskOutcome> settled = new ConcurrentHashMap<>();
    private final Set<String> acted = ConcurrentHashMap.newKeySet();
    private final InputPreviews previews = new InputPreviews();

    TaskExecution(Workspace workspace, Namespaces namespaces, TaskGraph graph, TaskDecider decider,
                  AgentSettings settings, LlmClient llm, RunListener listener, RunControl control) {
        this.workspace = workspace;
        this.namespaces = namespaces;
        this.graph = graph;
        this.decider = decider;
        this.settings = settings;
        this.loop = new AgentLoop(llm, listener, e -> control.stop(new RunStop(
                "the model server refused the run's calls (" + e.detail() + ")", e.getMessage())));
        this.listener = listener;
        this.control = control;
    }

    /** Called (on the scheduler's thread) as each task settles, before any task downstream of it starts. */
    void settled(TaskOutcome outcome) {
        settled.put(outcome.task(), outcome);
    }

    /** Whether the task's agent or SQL ran in this run, so its views are now of this run's making. */
    boolean acted(String task) {
        return acted.contains(task);
    }

    TaskOutcome run(TaskSpec task) {
        long start = System.nanoTime();
        try (TaskSession session = workspace.openTaskSession(task.name(), namespaces.namespace(task.name()));
             RunControl.Registration ignored = control.onCancel(session::cancel)) {
            Attempt attempt = stoppedByTheRun(
                    attempt(task, session, decider.decide(task, session, rerunUpstream(task.name()))));
            return attempt.outcome(task, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** The tasks upstream of {@code task} whose agent or SQL ran in this run and passed, in spec order. */
    private List<String> rerunUpstream(String task) {
        Set<String> upstream = graph.upstream(task);
        return graph.tasks().stream().map(TaskSpec::name).filter(upstream::contains).filter(acted::contains)
                .filter(name -> settled.containsKey(name) && settled.get(name).status() == TaskStatus.PASSED).toList();
    }

    private Attempt attempt(TaskSpec task, TaskSession session, TaskStep step) {
        if (step instanceof TaskStep.Reuse reuse) {
            listener.on(new RunEvent.TaskReused(task.name(), reuse.changed()));
            return new Attempt(TaskStatus.REUSED, 0, 0, Usage.NONE, "", List.of(), "");
        }
        if (step instanceof TaskStep.Refuse refuse) {
            return new Attempt(TaskStatus.FAILED, 0, 0, Usage.NONE, "", refuse.failures(), refuse.reason());
        }
        List<String> failures = null;
        if (step instanceof TaskStep.Rerun rerun) {
            listener.on(new RunEvent.TaskRerunning(task.name(), rerun.reason()));
            failures = rerun.failures();
        }
        listener.on(new RunEvent.TaskStarted(task.name(), task.kind()));
        acted.add(task.name());
        if (task.kind() == TaskKind.SQL) {
            return sqlTask(task, session);
        }
        TaskAgent agent = failures == null ? TaskAgent.fresh(task, session, listener, previews)
                : TaskAgent.review(task, session, listener, previews, failures);
        return Attempt.of(converse(agent), 0);
    }

    private AgentResult converse(TaskAgent agent) {
        AgentResult result = loop.run(agent, settings, control::isCancelled);
        if (result.stop() == AgentStop.PASSED) {
            agent.passed();
        }
        return result;
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
        AgentResult repaired = converse(TaskAgent.repair(task, session, listener, previews, result.errors()));
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
