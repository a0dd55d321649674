package io.taskgraph.application.rerun;

import io.taskgraph.application.run.BeforeTheTasks;
import io.taskgraph.application.run.Ingestion;
import io.taskgraph.application.run.InputFiles;
import io.taskgraph.application.run.RunControl;
import io.taskgraph.application.run.RunOptions;
import io.taskgraph.application.run.TaskPolicy;
import io.taskgraph.application.run.WorkspaceExecution;
import io.taskgraph.application.run.WorkspaceMetadata;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.fingerprint.Fingerprint;
import io.taskgraph.domain.graph.TaskGraph;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code rerun} use case: copy a previous workspace, check that the spec still fits it (git commit,
 * structural fingerprint), optionally re-ingest, then reuse or re-run each task according to the mode.
 * Every check that can refuse the rerun happens before the copy is made and before any model call; a rerun that
 * stops before any task started leaves no copy ({@link BeforeTheTasks}).
 */
public final class RerunWorkspace {
    private final SpecLoader specs;
    private final SqlEngine engine;
    private final LlmClient llm;
    private final RunListener listener;
    private final Clock clock;
    private final WorkspaceExecution execution;

    public RerunWorkspace(SpecLoader specs, SqlEngine engine, LlmClient llm, RunListener listener, Clock clock) {
        this.specs = specs;
        this.engine = engine;
        this.llm = llm;
        this.listener = listener;
        this.clock = clock;
        this.execution = new WorkspaceExecution(llm, listener, clock);
    }

    public RunSummary rerun(RerunRequest request, RunControl control) {
        long start = System.nanoTime();
        checkPaths(request);
        Map<String, String> recorded = recordedMetadata(request.source());
        String module = request.specModule().or(() -> recordedValue(recorded, WorkspaceMetadata.SPEC_MODULE))
                .orElseThrow(() -> new UsageException("Workspace " + request.source() + " does not record which "
                        + "spec module built it; pass the spec module to use (--spec my_app.specs.main)."));
        SpecRequest specRequest = new SpecRequest(module, request.workingDirectory(), request.environment());
        try (RunControl.Registration stopsTheSpec = control.onCancel(specs::stop);
             SpecSession session = BeforeTheTasks.open(specs, specRequest, control)) {
            WorkspaceSpec spec = session.spec();
            session.warnings().forEach(w -> listener.on(new RunEvent.Warning(w)));
            if (request.specModule().isEmpty()) {
                checkCommit(request, recorded, module, spec.origin().git());
            }
            List<String> differences = Fingerprint.differences(recorded.get(WorkspaceMetadata.FINGERPRINT),
                    Fingerprint.of(spec));
            if (!differences.isEmpty()) {
                throw new FingerprintMismatchException(request.source().toString(), module, differences);
            }
            TaskGraph graph = TaskGraph.of(spec.tasks(), spec.inputs().stream().map(InputSpec::name).toList());
            if (request.reingest()) {
                InputFiles.requirePresent(spec);
            }
            if (spec.mayCallModel()) {
                llm.checkReady();
            }
            String model = request.model().or(() -> recordedValue(recorded, WorkspaceMetadata.MODEL))
                    .orElse(request.options().model());
            RunOptions options = request.options().withModel(model);
            Map<String, String> meta = new LinkedHashMap<>(WorkspaceMetadata.start(spec, model, clock.instant()));
            meta.put(WorkspaceMetadata.SOURCE_DB, request.source().toAbsolutePath().normalize().toString());
            meta.put(WorkspaceMetadata.RERUN_MODE, request.mode().wire());
            try (Workspace workspace = engine.copy(request.source(), request.output(), request.replaceOutput())) {
                BeforeTheTasks.prepare(workspace, control, () -> {
                    workspace.putWorkspaceMeta(meta);
                    listener.on(new RunEvent.RunStarted(module, request.output(), model,
                            WorkspaceExecution.dependencies(graph), options.replay()));
                    if (request.reingest()) {
                        Map<String, Long> counts = Ingestion.ingestAll(session, workspace, listener,
                                control::isCancelled);
                        workspace.putWorkspaceMeta(WorkspaceMetadata.inputRowCounts(counts));
                    }
                    if (!control.isCancelled()) {
                        Ingestion.validateInputs(spec, workspace);
                    }
                    workspace.restrictExternalAccess();
                });
                TaskPolicy policy = request.mode() == RerunMode.VALIDATE ? TaskPolicy.REUSE_PASSING : TaskPolicy.REVIEW;
                return execution.execute(workspace, session, graph, policy, options, request.output(), control, start);
            }
        }
    }

    private static void checkPaths(RerunRequest request) {
        if (!Files.isRegularFile(request.source())) {
            throw new UsageException("Workspace file " + request.source() + " does not exist; give the .db file of "
                    + "a previous run as the first argument.");
        }
        Path source = request.source().toAbsolutePath().normalize();
        Path output = request.output().toAbsolutePath().normalize();
        if (source.equals(output)) {
            throw new UsageException("The rerun output " + request.output() + " is the source workspace itself; a "
                    + "rerun never modifies its source, so choose a different -o file.");
        }
    }

    private Map<String, String> recordedMetadata(Path source) {
        Map<String, String> recorded;
        try (Workspace previous = engine.openReadOnly(source)) {
            recorded = previous.workspaceMeta();
        }
        if (!recorded.containsKey(WorkspaceMetadata.FINGERPRINT)) {
            throw new WorkspaceException(ErrorCategory.BAD_INPUT, source + " is not a Taskgraph workspace (its _workspace_meta has no "
                    + "fingerprint); rerun needs a .db file written by 'taskgraph run' or 'taskgraph rerun'.");
        }
        return recorded;
    }

    private static Optional<String> recordedValue(Map<String, String> recorded, String key) {
        return Optional.ofNullable(recorded.get(key)).filter(v -> !v.isBlank() && !v.equals(GitInfo.UNKNOWN));
    }

    /** The recorded spec module must be at the recorded commit, unless the caller chose to accept a mismatch. */
    private void checkCommit(RerunRequest request, Map<String, String> recorded, String module, GitInfo current) {
        Optional<String> recordedCommit = recordedValue(recorded, WorkspaceMetadata.SPEC_GIT_COMMIT);
        if (recordedCommit.isEmpty()) {
            return;
        }
        if (current == null || current.commit().isEmpty()) {
            listener.on(new RunEvent.Warning("Workspace " + request.source() + " was built from spec '" + module
                    + "' at git commit " + recordedCommit.get() + ", but the spec's git commit cannot be determined "
                    + "now; the rerun cannot confirm it uses the same spec."));
            return;
        }
        String now = current.commit().get();
        if (sameCommit(recordedCommit.get(), now)) {
            if ("true".equals(recorded.get(WorkspaceMetadata.SPEC_GIT_DIRTY))) {
                listener.on(new RunEvent.Warning("Workspace " + request.source() + " was built from a git tree with "
                        + "uncommitted changes, so commit " + now + " may not be exactly the spec it used."));
            }
            return;
        }
        if (request.ignoreCommitMismatch()) {
            listener.on(new RunEvent.Warning("Spec '" + module + "' is at git commit " + now + ", not the recorded "
                    + recordedCommit.get() + "; continuing because the mismatch was accepted."));
            return;
        }
        throw new SpecCommitMismatchException(request.source().toString(), module, recordedCommit.get(), now);
    }

    private static boolean sameCommit(String a, String b) {
        int n = Math.min(a.length(), b.length());
        return n >= 7 && a.substring(0, n).equalsIgnoreCase(b.substring(0, n));
    }
}
