package io.taskgraph.application.rerun;

import io.taskgraph.domain.graph.TaskSelection;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a rerun is going to do before it does it: which spec (and whether it changed since the source recorded it),
 * which data (recorded, or re-ingested, and which recorded input files changed on disk), which model, and each
 * task's {@link PlannedTask} in spec order. Whether a task downstream of one that runs again will run too can only be
 * known once that task has run: such tasks are planned as {@link PlannedTask.Action#CHECK}.
 *
 * @param recordedSpec the spec module is the one the source recorded (not given with --spec)
 * @param warnings     what loading the spec (and re-ingesting) warned about
 */
public record RerunPlan(Path source, String specModule, boolean recordedSpec, SpecComparison spec, boolean reingest,
                        List<ChangedInputFile> changedFiles, RerunMode mode, TaskSelection selection, String model,
                        List<PlannedTask> tasks, List<String> warnings) {
    public RerunPlan {
        changedFiles = List.copyOf(changedFiles);
        tasks = List.copyOf(tasks);
        warnings = List.copyOf(warnings);
    }

    public Optional<PlannedTask> task(String name) {
        return tasks.stream().filter(t -> t.task().equals(name)).findFirst();
    }

    public List<PlannedTask> with(PlannedTask.Action action) {
        return tasks.stream().filter(t -> t.action() == action).toList();
    }

    /** Reused tasks whose definition changed since their views were built: what a user may want to re-run. */
    public List<PlannedTask> reusedDespiteChanges() {
        return tasks.stream().filter(t -> t.action() != PlannedTask.Action.RUN && t.definition().changed()).toList();
    }
}
