package io.taskgraph.application.show;

import io.taskgraph.application.run.DeclaredFiles;
import io.taskgraph.application.show.SpecOverview.Input;
import io.taskgraph.application.show.SpecOverview.Task;
import io.taskgraph.application.show.SpecOverview.TaskInput;
import io.taskgraph.application.show.SpecOverview.TaskOutput;
import io.taskgraph.application.show.SpecOverview.ValidationSummary;
import io.taskgraph.domain.graph.TaskGraph;
import io.taskgraph.domain.graph.TaskSelection;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.spec.DeclaredFile;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import io.taskgraph.domain.sql.Namespaces;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code show} use case: loads a spec (no data is ingested, no database opened, no model called) and
 * describes it. A spec {@code run} would refuse (its tasks do not form a DAG, an input file it names is missing) is
 * still described, with its problems listed in the words {@code run} would use.
 */
public final class ShowSpec {
    private final SpecLoader loader;

    public ShowSpec(SpecLoader loader) {
        this.loader = loader;
    }

    public SpecOverview show(SpecRequest request) {
        return show(request, TaskSelection.ALL);
    }

    /**
     * The overview with the tasks {@code selection} picks out highlighted. An unknown task name is a
     * {@link io.taskgraph.domain.graph.UnknownTaskException}; a graph with problems cannot be selected from, so the
     * selection is then ignored with a warning.
     */
    public SpecOverview show(SpecRequest request, TaskSelection selection) {
        try (SpecSession session = loader.open(request)) {
            session.release(); // the spec's process ends while the overview is built
            return overview(session.spec(), session.warnings(), selection);
        }
    }

    /** The overview of an already loaded spec (the web app has one at hand). */
    public static SpecOverview overview(WorkspaceSpec spec, List<String> warnings) {
        return overview(spec, warnings, TaskSelection.ALL);
    }

    public static SpecOverview overview(WorkspaceSpec spec, List<String> warnings, TaskSelection selection) {
        Set<String> tables = new LinkedHashSet<>();
        spec.inputs().forEach(i -> tables.add(i.name()));
        Map<String, String> producers = new HashMap<>();
        for (TaskSpec task : spec.tasks()) {
            task.outputs().forEach(o -> producers.putIfAbsent(o, task.name()));
        }

        List<Input> inputs = spec.inputs().stream()
                .map(i -> new Input(i.name(), i.columns(), i.validateSql().size(), i.file().map(DeclaredFile::declared),
                        i.file().filter(file -> !DeclaredFiles.present(file)).isPresent()))
                .toList();
        List<Task> tasks = spec.tasks().stream().map(t -> task(t, tables, producers)).toList();
        List<String> graphProblems = TaskGraph.problems(spec.tasks(), tables);
        List<List<String>> layers = graphProblems.isEmpty() ? TaskGraph.of(spec.tasks(), tables).layers() : List.of();
        List<String> problems = new ArrayList<>(graphProblems);
        problems.addAll(DeclaredFiles.missing(spec));
        List<String> allWarnings = new ArrayList<>(warnings);
        allWarnings.addAll(Namespaces.of(spec.tasks(), tables).overlapWarnings());
        SpecOverview.Selection selected = SpecOverview.Selection.NONE;
        if (!selection.all() && graphProblems.isEmpty()) {
            selected = new SpecOverview.Selection(selection.text(),
                    List.copyOf(TaskGraph.of(spec.tasks(), tables).select(selection)));
        } else if (!selection.all()) {
            allWarnings.add("The selection " + selection.text() + " is ignored: tasks can be selected only from a "
                    + "graph without problems.");
        }
        return new SpecOverview(spec.origin().module(), Optional.ofNullable(spec.origin().file()), inputs, tasks,
                layers, validation(spec), problems, spec.exports(), allWarnings, selected);
    }

    private static Task task(TaskSpec spec, Set<String> tables, Map<String, String> producers) {
        List<TaskInput> inputs = new ArrayList<>();
        Set<String> dependsOn = new LinkedHashSet<>();
        for (String input : spec.inputs()) {
            Optional<String> producer = Optional.ofNullable(producers.get(input));
            inputs.add(new TaskInput(input, tables.contains(input), producer));
            producer.filter(p -> !p.equals(spec.name())).ifPresent(dependsOn::add);
        }
        List<TaskOutput> outputs = spec.outputs().stream()
                .map(o -> new TaskOutput(o, spec.requiredColumns(o))).toList();
        return new Task(spec.name(), spec.kind(), spec.repair(), spec.prompt(), spec.sql().size(), inputs, outputs,
                spec.validateSql().size(), List.copyOf(dependsOn));
    }

    private static ValidationSummary validation(WorkspaceSpec spec) {
        int inputsWithColumns = 0;
        int inputChecks = 0;
        for (InputSpec input : spec.inputs()) {
            inputsWithColumns += input.columns().isEmpty() ? 0 : 1;
            inputChecks += input.validateSql().size();
        }
        int outputs = 0;
        int outputsWithColumns = 0;
        int taskChecks = 0;
        List<String> withoutChecks = new ArrayList<>();
        for (TaskSpec task : spec.tasks()) {
            outputs += task.outputs().size();
            outputsWithColumns += (int) task.outputs().stream().filter(o -> !task.requiredColumns(o).isEmpty()).count();
            taskChecks += task.validateSql().size();
            if (task.validateSql().isEmpty()) {
                withoutChecks.add(task.name());
            }
        }
        return new ValidationSummary(inputsWithColumns, inputChecks, outputs, outputsWithColumns, taskChecks,
                withoutChecks);
    }
}
