package io.taskgraph.application.rerun;

import io.taskgraph.domain.meta.TaskMeta;
import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.application.run.BeforeTheTasks;
import io.taskgraph.domain.meta.InputFile;
import io.taskgraph.application.run.RunControl;
import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.definition.DefinitionComparison;
import io.taskgraph.domain.definition.TaskDefinition;
import io.taskgraph.domain.fingerprint.Fingerprint;
import io.taskgraph.domain.graph.TaskGraph;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.spec.GitInfo;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a rerun and its dry run check and read before anything changes, in one place so both refuse the same things
 * the same way: the paths, the source's metadata, the spec (loaded, compared with the recorded one, checked against
 * the structural fingerprint), the selection, what each task's definition changed, and which recorded input files
 * changed on disk. Nothing is written and no model is called. Closing it closes the spec session.
 */
final class PreparedRerun implements AutoCloseable {
    private final SpecSession session;
    private final String module;
    private final TaskGraph graph;
    private final String model;
    private final SpecComparison specComparison;
    private final Set<String> selected;
    private final Map<String, DefinitionComparison> definitions;
    private final List<ChangedInputFile> changedFiles;

    private PreparedRerun(SpecSession session, String module, TaskGraph graph, String model,
                          SpecComparison specComparison, Set<String> selected,
                          Map<String, DefinitionComparison> definitions, List<ChangedInputFile> changedFiles) {
        this.session = session;
        this.module = module;
        this.graph = graph;
        this.model = model;
        this.specComparison = specComparison;
        this.selected = selected;
        this.definitions = definitions;
        this.changedFiles = changedFiles;
    }

    /** {@code control}: cancelling it stops the spec's import (see {@link BeforeTheTasks#open}). */
    static PreparedRerun prepare(RerunRequest request, SpecLoader specs, SqlEngine engine, RunControl control) {
        checkPaths(request);
        WorkspaceMeta recorded;
        Map<String, TaskMeta> recordedTasks;
        try (Workspace previous = engine.openReadOnly(request.source())) {
            recorded = previous.workspaceMeta();
            recordedTasks = previous.taskMeta();
        }
        if (recorded.fingerprint().isEmpty()) {
            throw new WorkspaceException(ErrorCategory.BAD_INPUT, request.source() + " is not a Taskgraph workspace (its _workspace_meta has "
                    + "no fingerprint); rerun needs a .db file written by 'taskgraph run' or 'taskgraph rerun'.");
        }
        String module = request.specModule().or(() -> known(recorded.specModule()))
                .orElseThrow(() -> new UsageException("Workspace " + request.source() + " does not record which "
                        + "spec module built it; pass the spec module to use (--spec my_app.specs.main)."));
        SpecSession session = BeforeTheTasks.open(specs, new SpecRequest(module, request.workingDirectory(),
                request.environment()), control);
        try {
            WorkspaceSpec spec = session.spec();
            SpecComparison specComparison = SpecComparison.of(recorded, spec.origin(), request.specModule().isPresent()
                    && !recorded.specModule().equals(request.specModule()));
            List<String> differences = Fingerprint.differences(recorded.fingerprint().get(),
                    Fingerprint.of(spec));
            if (!differences.isEmpty()) {
                throw new FingerprintMismatchException(request.source().toString(), module, differences);
            }
            TaskGraph graph = TaskGraph.of(spec.tasks(), spec.inputs().stream().map(InputSpec::name).toList());
            Set<String> selected = request.selection().all() ? Set.of() : graph.select(request.selection());
            String model = request.model().or(() -> known(recorded.model()))
                    .orElse(request.options().model());
            List<ChangedInputFile> changedFiles = request.reingest() ? List.of() : changedFiles(recorded);
            return new PreparedRerun(session, module, graph, model, specComparison, selected,
                    definitions(spec, recorded, recordedTasks), changedFiles);
        } catch (RuntimeException e) {
            session.close();
            throw e;
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

    /** Each task's definition compared with the recorded one, or with the recorded prompt for an older workspace. */
    private static Map<String, DefinitionComparison> definitions(WorkspaceSpec spec, WorkspaceMeta recorded,
                                                                 Map<String, TaskMeta> recordedTasks) {
        Map<String, String> prompts = recorded.prompts().orElse(Map.of());
        Map<String, DefinitionComparison> comparisons = new LinkedHashMap<>();
        for (TaskSpec task : spec.tasks()) {
            Optional<TaskDefinition> definition = Optional.ofNullable(recordedTasks.get(task.name()))
                    .flatMap(TaskMeta::definition);
            comparisons.put(task.name(), DefinitionComparison.compare(TaskDefinition.of(task), definition,
                    Optional.ofNullable(prompts.get(task.name()))));
        }
        return comparisons;
    }

    private static List<ChangedInputFile> changedFiles(WorkspaceMeta recorded) {
        List<ChangedInputFile> changed = new ArrayList<>();
        for (InputFile file : recorded.inputFiles().orElse(List.of())) {
            file.changeOnDisk().ifPresent(change -> changed.add(new ChangedInputFile(file.input(), file.path(), change)));
        }
        return List.copyOf(changed);
    }

    private static Optional<String> known(Optional<String> recorded) {
        return recorded.filter(v -> !v.isBlank() && !v.equals(GitInfo.UNKNOWN));
    }

    SpecSession session() {
        return session;
    }

    WorkspaceSpec spec() {
        return session.spec();
    }

    String module() {
        return module;
    }

    TaskGraph graph() {
        return graph;
    }

    String model() {
        return model;
    }

    SpecComparison specComparison() {
        return specComparison;
    }

    /** The selected tasks; empty without a selection. */
    Set<String> selected() {
        return selected;
    }

    DefinitionComparison definition(String task) {
        return definitions.get(task);
    }

    List<ChangedInputFile> changedFiles() {
        return changedFiles;
    }

    @Override
    public void close() {
        session.close();
    }
}
