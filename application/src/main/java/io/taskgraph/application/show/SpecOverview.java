package io.taskgraph.application.show;

import io.taskgraph.domain.spec.TaskKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code show} tells about a spec without running anything: its inputs, its tasks in DAG layers,
 * what is validated, the graph's problems and the exports. Built by {@link ShowSpec}; rendered by
 * {@link OverviewFormat}.
 *
 * @param layers    Kahn layers of task names; empty when the tasks do not form a DAG
 * @param problems  why {@code taskgraph run} would refuse the spec: graph problems, then missing input files
 * @param selection the tasks a {@code --select} picked out to highlight; {@link Selection#NONE} without one
 */
public record SpecOverview(
        String module,
        Optional<Path> file,
        List<Input> inputs,
        List<Task> tasks,
        List<List<String>> layers,
        ValidationSummary validation,
        List<String> problems,
        List<String> exports,
        List<String> warnings,
        Selection selection) {

    public SpecOverview {
        inputs = List.copyOf(inputs);
        tasks = List.copyOf(tasks);
        layers = layers.stream().map(List::copyOf).toList();
        problems = List.copyOf(problems);
        exports = List.copyOf(exports);
        warnings = List.copyOf(warnings);
        selection = selection == null ? Selection.NONE : selection;
    }

    /** Whether {@code task} is highlighted: selected, or every task when nothing was selected. */
    public boolean selected(String task) {
        return selection.all() || selection.tasks().contains(task);
    }

    /** The selectors as typed ({@code sales+}) and the tasks they select, in spec order. */
    public record Selection(String selectors, List<String> tasks) {
        public static final Selection NONE = new Selection("", List.of());

        public Selection {
            tasks = List.copyOf(tasks);
        }

        public boolean all() {
            return selectors.isEmpty();
        }
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public Optional<Task> task(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * An input table with the columns it must have and how many SQL checks run on it after ingestion; {@code file}
     * is the path the spec reads it from, when it names one, and {@code missing} says that file is not there.
     */
    public record Input(String name, List<String> columns, int sqlChecks, Optional<String> file, boolean missing) {
        public Input {
            columns = List.copyOf(columns);
        }
    }

    /** A task: how it produces its outputs, what it reads, what it must create and how it is checked. */
    public record Task(String name, TaskKind kind, boolean repair, String prompt, int sqlStatements,
                       List<TaskInput> inputs, List<TaskOutput> outputs, int sqlChecks, List<String> dependsOn) {
        public Task {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
            dependsOn = List.copyOf(dependsOn);
        }
    }

    /**
     * One table or view a task reads: an ingested input table, another task's output ({@code producer}),
     * or neither (a graph problem).
     */
    public record TaskInput(String name, boolean ingested, Optional<String> producer) {
        public boolean known() {
            return ingested || producer.isPresent();
        }
    }

    /** One view a task must create, with the columns it must have (empty: any columns). */
    public record TaskOutput(String name, List<String> columns) {
        public TaskOutput {
            columns = List.copyOf(columns);
        }
    }

    /** Counts of what validation will check, and the tasks that only get the view/column checks. */
    public record ValidationSummary(int inputsWithColumns, int inputSqlChecks, int outputs, int outputsWithColumns,
                                    int taskSqlChecks, List<String> tasksWithoutSqlChecks) {
        public ValidationSummary {
            tasksWithoutSqlChecks = List.copyOf(tasksWithoutSqlChecks);
        }
    }
}
