package io.taskgraph.application.run;

import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.graph.TaskGraph;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.WorkbookReader;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.time.Clock;
import java.util.Set;

/**
 * The {@code run} use case: load the spec, check the task graph and the declared input files, make sure the model
 * can be called when a scheduled task may call it, create the workspace file, ingest and validate the inputs, then
 * run every task (greedy DAG) and the exports, recording metadata throughout. With a selection, only the selected
 * tasks and the tasks they need run; the others are reported as not selected. Errors the user must fix (spec, graph,
 * input files, API key, input validation, output file) are thrown before any model call, and leave no workspace
 * file ({@link BeforeTheTasks}). Cancelling stops the spec's process too, at any stage.
 */
public final class RunWorkspace {
    private final SpecLoader specs;
    private final WorkbookReader workbooks;
    private final SqlEngine engine;
    private final LlmClient llm;
    private final RunListener listener;
    private final Clock clock;
    private final WorkspaceExecution execution;

    public RunWorkspace(SpecLoader specs, WorkbookReader workbooks, SqlEngine engine, LlmClient llm,
                        RunListener listener, Clock clock) {
        this.specs = specs;
        this.workbooks = workbooks;
        this.engine = engine;
        this.llm = llm;
        this.listener = listener;
        this.clock = clock;
        this.execution = new WorkspaceExecution(llm, listener, clock);
    }

    public RunSummary run(RunRequest request, RunControl control) {
        long start = System.nanoTime();
        RunOptions options = request.options();
        try (RunControl.Registration stopsTheSpec = control.onCancel(specs::stop);
             SpecSession session = BeforeTheTasks.open(specs, request.spec(), control)) {
            WorkspaceSpec spec = session.spec();
            session.warnings().forEach(w -> listener.on(new RunEvent.Warning(w)));
            TaskGraph graph = TaskGraph.of(spec.tasks(), spec.inputs().stream().map(InputSpec::name).toList());
            Set<String> scheduled = graph.withUpstream(graph.select(request.selection()));
            DeclaredFiles.requirePresent(spec);
            if (spec.tasks().stream().filter(task -> scheduled.contains(task.name())).anyMatch(TaskSpec::mayCallModel)) {
                llm.checkReady();
            }
            WorkspaceMeta meta = WorkspaceMetadata.start(spec, options.model(), clock.instant());
            try (Workspace workspace = engine.create(request.output(), request.replaceOutput())) {
                BeforeTheTasks.prepare(workspace, control, () -> {
                    workspace.putWorkspaceMeta(meta);
                    listener.on(new RunEvent.RunStarted(spec.origin().module(), request.output(), options.model(),
                            WorkspaceExecution.dependencies(graph), options.replay()));
                    workspace.putWorkspaceMeta(WorkspaceMetadata.inputs(
                            Ingestion.ingestAll(session, workbooks, workspace, listener, control::isCancelled)));
                    if (!control.isCancelled()) {
                        Ingestion.validateInputs(spec, workspace);
                    }
                    workspace.restrictExternalAccess();
                });
                return execution.execute(workspace, session, graph, scheduled, TaskDecider.BUILD_ALL, options,
                        request.output(), control, start);
            }
        }
    }
}
