package io.taskgraph.application.run;

import io.taskgraph.application.agent.AgentSettings;
import io.taskgraph.application.schedule.DagScheduler;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.graph.TaskGraph;
import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.sql.Namespaces;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of a run and a rerun that is the same: with inputs in place and external access locked, run the
 * task graph, record each task's metadata as it settles, write the exports when every task passed, and record
 * how the run ended. Shared by {@link RunWorkspace} and the rerun use case.
 */
public final class WorkspaceExecution {
    private final LlmClient llm;
    private final RunListener listener;
    private final Clock clock;

    public WorkspaceExecution(LlmClient llm, RunListener listener, Clock clock) {
        this.llm = llm;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Runs the tasks of {@code graph} named in {@code scheduled} (every task without a selection), each as
     * {@code decider} says; the others are settled at once as not selected. {@code scheduled} must hold every task
     * its members depend on.
     */
    public RunSummary execute(Workspace workspace, SpecSession session, TaskGraph graph, Set<String> scheduled,
                              TaskDecider decider, RunOptions options, Path output, RunControl control,
                              long startNanos) {
        AgentSettings settings = new AgentSettings(options.model(), options.effort(), options.maxIterations(),
                options.tokenBudget(), options.maxIdleTurns());
        // Every task's namespace, selected or not: what one task may create is fixed by the whole spec.
        Namespaces namespaces = Namespaces.of(graph.tasks(), workspace.inputTables());
        namespaces.overlapWarnings().forEach(warning -> listener.on(new RunEvent.Warning(warning)));
        dropUnsafeObjects(workspace);
        TaskGraph part = graph.restrictedTo(scheduled);
        TaskExecution execution = new TaskExecution(workspace, namespaces, part, decider, settings, llm, listener,
                control);
        Map<String, TaskOutcome> byTask = new LinkedHashMap<>();
        for (TaskSpec task : graph.tasks()) {
            if (!scheduled.contains(task.name())) {
                TaskOutcome outcome = TaskOutcome.notSelected(task.name(), task.kind());
                byTask.put(task.name(), outcome);
                settle(workspace, graph, outcome, false, options);
            }
        }
        DagScheduler scheduler = new DagScheduler(options.concurrency());
        try (RunControl.Registration ignored = control.onCancel(() -> scheduler.stop(control.stopped()
                .map(stop -> "Not started: " + stop.cause() + ".").orElse(DagScheduler.NOT_STARTED)))) {
            scheduler.run(part, execution::run, outcome -> {
                execution.settled(outcome);
                byTask.put(outcome.task(), outcome);
                settle(workspace, graph, outcome, execution.acted(outcome.task()), options);
            });
        }
        List<TaskOutcome> outcomes = graph.tasks().stream().map(t -> byTask.get(t.name())).toList();
        boolean interrupted = control.isCancelled();
        List<ExportResult> exports = new ArrayList<>();
        boolean allPassed = outcomes.stream().allMatch(o -> o.status().passed());
        if (!interrupted && !allPassed && scheduled.size() < graph.tasks().size()
                && outcomes.stream().allMatch(o -> o.status().passed() || o.status() == TaskStatus.NOT_SELECTED)
                && !session.spec().exports().isEmpty()) {
            listener.on(new RunEvent.Warning("Exports were not written: they need every task, and "
                    + (graph.tasks().size() - scheduled.size()) + " of " + graph.tasks().size()
                    + " were not selected."));
        }
        if (!interrupted && allPassed && !session.spec().exports().isEmpty()) {
            workspace.checkpoint();
            try {
                for (ExportResult result : session.runExports(workspace, exportDirectory(output))) {
                    exports.add(result);
                    listener.on(new RunEvent.ExportFinished(result));
                }
            } catch (RuntimeException e) {
                if (!control.isCancelled()) {
                    throw e;
                }
                interrupted = true; // cancelling stopped the spec's process in the middle of the exports
            }
        }
        dropUnsafeObjects(workspace);
        workspace.putWorkspaceMeta(WorkspaceMeta.builder().interrupted(interrupted).build());
        workspace.checkpoint();
        RunSummary summary = new RunSummary(output, outcomes, exports,
                Duration.ofNanos(System.nanoTime() - startNanos), interrupted,
                control.stopped().map(RunStop::message));
        listener.on(new RunEvent.RunFinished(summary));
        return summary;
    }

    private void settle(Workspace workspace, TaskGraph graph, TaskOutcome outcome, boolean acted, RunOptions options) {
        workspace.putTaskMeta(outcome.task(), WorkspaceMetadata.task(graph.task(outcome.task()), outcome, acted,
                options.model(), options.effort(), clock.instant()));
        listener.on(new RunEvent.TaskFinished(outcome));
    }

    /**
     * Nothing left in the file may read outside it once a stock DuckDB opens it: checked before the agents start
     * (a rerun's source may come from an older version) and after they end.
     */
    private void dropUnsafeObjects(Workspace workspace) {
        workspace.dropUnsafeObjects().forEach(message -> listener.on(new RunEvent.Warning(message)));
    }

    /** Exports are written next to the output workspace file. */
    static Path exportDirectory(Path output) {
        Path parent = output.toAbsolutePath().getParent();
        return parent == null ? output.toAbsolutePath() : parent;
    }

    /** Each task with the tasks it depends on, in spec order: what progress displays draw. */
    public static Map<String, List<String>> dependencies(TaskGraph graph) {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        graph.tasks().forEach(t -> deps.put(t.name(), List.copyOf(graph.dependencies(t.name()))));
        return deps;
    }
}
