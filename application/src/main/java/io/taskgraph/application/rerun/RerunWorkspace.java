package io.taskgraph.application.rerun;

import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.application.run.BeforeTheTasks;
import io.taskgraph.application.run.Ingestion;
import io.taskgraph.application.run.DeclaredFiles;
import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.application.run.WorkspaceExecution;
import io.taskgraph.application.run.WorkspaceMetadata;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.graph.TaskGraph;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.WorkbookReader;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code rerun} use case: check that the spec still fits the previous workspace (structural fingerprint), copy
 * it, optionally re-ingest, plan each task (see {@link RerunPlanner}), then reuse or run each task as planned,
 * validating a task again when something upstream of it ran again. Every check that can refuse the rerun happens
 * before the copy is made and before any model call, and a rerun that stops before any task started leaves no
 * copy ({@link BeforeTheTasks}). What the rerun uses is reported as events: its data, a spec
 * edited since the source recorded it, input files that changed on disk, and per task why it runs again or that it
 * is reused (with what changed in its definition).
 */
public final class RerunWorkspace {
    private final SpecLoader specs;
    private final WorkbookReader workbooks;
    private final SqlEngine engine;
    private final LlmClient llm;
    private final RunListener listener;
    private final Clock clock;
    private final WorkspaceExecution execution;

    public RerunWorkspace(SpecLoader specs, WorkbookReader workbooks, SqlEngine engine, LlmClient llm,
                          RunListener listener, Clock clock) {
        this.specs = specs;
        this.workbooks = workbooks;
        this.engine = engine;
        this.llm = llm;
        this.listener = listener;
        this.clock = clock;
        this.execution = new WorkspaceExecution(llm, listener, clock);
    }

    public RunSummary rerun(RerunRequest request, RunControl control) {
        long start = System.nanoTime();
        try (RunControl.Registration stopsTheSpec = control.onCancel(specs::stop);
             PreparedRerun prepared = PreparedRerun.prepare(request, specs, engine, control)) {
            WorkspaceSpec spec = prepared.spec();
            prepared.session().warnings().forEach(w -> listener.on(new RunEvent.Warning(w)));
            TaskGraph graph = prepared.graph();
            if (request.reingest()) {
                DeclaredFiles.requirePresent(spec);
            }
            if (spec.mayCallModel()) {
                llm.checkReady();
            }
            RunOptions options = request.options().withModel(prepared.model());
            WorkspaceMeta meta = WorkspaceMetadata.start(spec, prepared.model(), clock.instant()).toBuilder()
                    .sourceDb(request.source().toAbsolutePath().normalize().toString())
                    .rerunMode(request.mode().wire())
                    .build();
            try (Workspace workspace = engine.copy(request.source(), request.output(), request.replaceOutput())) {
                BeforeTheTasks.prepare(workspace, control, () -> {
                    workspace.putWorkspaceMeta(meta);
                    listener.on(new RunEvent.RunStarted(prepared.module(), request.output(), prepared.model(),
                            WorkspaceExecution.dependencies(graph), options.replay()));
                    listener.on(new RunEvent.RerunData(request.source(), request.reingest()));
                    if (prepared.specComparison().changed() && !request.ignoreCommitMismatch()) {
                        listener.on(new RunEvent.SpecChanged(prepared.module(), prepared.specComparison().detail()));
                    }
                    if (request.reingest()) {
                        workspace.putWorkspaceMeta(WorkspaceMetadata.inputs(
                                Ingestion.ingestAll(prepared.session(), workbooks, workspace, listener,
                                        control::isCancelled)));
                    } else {
                        prepared.changedFiles().forEach(f -> listener.on(
                                new RunEvent.InputFileChanged(f.input(), f.file(), f.change())));
                    }
                    if (!control.isCancelled()) {
                        Ingestion.validateInputs(spec, workspace);
                    }
                    workspace.restrictExternalAccess();
                });
                List<PlannedTask> plan = RerunPlanner.plan(prepared, request.mode(), workspace);
                return execution.execute(workspace, prepared.session(), graph,
                        new LinkedHashSet<>(spec.tasks().stream().map(TaskSpec::name).toList()),
                        new RerunSteps(plan), options, request.output(), control, start);
            }
        }
    }
}
