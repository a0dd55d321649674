package io.taskgraph.domain.sql;

import io.taskgraph.domain.spec.TaskSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which task owns which name in one workspace, so that no two tasks can ever claim the same view or macro.
 * A name belongs to the task that declares it as an output; any other name belongs to the task with the
 * longest prefix {@code task_} it starts with (of tasks {@code x} and {@code x_y}, {@code x_y_extra} is
 * {@code x_y}'s); input tables and the workspace's metadata tables belong to no task. DuckDB identifiers
 * are case-insensitive, so ownership is too. Immutable.
 */
public final class Namespaces {
    /** The tables every workspace keeps its own records in; never any task's. */
    public static final Set<String> METADATA_TABLES = Set.of("_trace", "_task_meta", "_workspace_meta");

    private final Map<String, TaskNames> tasks;
    private final Map<String, String> outputOwners;
    private final Set<String> inputTables;
    private final List<TaskNames> byLongestPrefix;

    /** One task's declared names, as the spec spells them. */
    private record TaskNames(String task, List<String> outputs, List<String> inputs) {
        String prefix() {
            return lower(task) + "_";
        }
    }

    private Namespaces(List<TaskNames> tasks, Collection<String> inputTables) {
        this.tasks = new LinkedHashMap<>();
        this.outputOwners = new LinkedHashMap<>();
        for (TaskNames names : tasks) {
            this.tasks.put(names.task(), names);
            // The first declaration wins; a spec that declares an output twice never passes the graph check anyway.
            names.outputs().forEach(output -> outputOwners.putIfAbsent(lower(output), names.task()));
        }
        Set<String> inputs = new TreeSet<>();
        inputTables.forEach(table -> inputs.add(lower(table)));
        this.inputTables = Set.copyOf(inputs);
        this.byLongestPrefix = tasks.stream()
                // longest first; a plain lambda, not comparingInt(..).reversed(): the JDK's serializable comparator
                // lambdas cannot be archived for class data sharing and cost a cold `show` a class generated at run time
                .sorted((a, b) -> Integer.compare(b.task().length(), a.task().length()))
                .toList();
    }

    /** The namespaces of every task in {@code tasks}, over a workspace holding {@code inputTables}. */
    public static Namespaces of(Collection<TaskSpec> tasks, Collection<String> inputTables) {
        return new Namespaces(tasks.stream().map(t -> new TaskNames(t.name(), t.outputs(), t.inputs())).toList(),
                inputTables);
    }

    /** A workspace with one task: what tests and single-task tools need. */
    public static Namespaces single(String task, List<String> outputs, List<String> inputs) {
        return new Namespaces(List.of(new TaskNames(task, List.copyOf(outputs), List.copyOf(inputs))), inputs);
    }

    /** The task that owns {@code name}, or empty when no task does (an input table, a metadata table, a stray name). */
    public Optional<String> owner(String name) {
        String lower = lower(name);
        if (inputTables.contains(lower) || METADATA_TABLES.contains(lower)) {
            return Optional.empty();
        }
        String declaredBy = outputOwners.get(lower);
        if (declaredBy != null) {
            return Optional.of(declaredBy);
        }
        return byLongestPrefix.stream().filter(t -> lower.startsWith(t.prefix())).map(TaskNames::task).findFirst();
    }

    /** Whether {@code name} is one of the workspace's input tables. */
    public boolean isInputTable(String name) {
        return inputTables.contains(lower(name));
    }

    /** What {@code name} is in this workspace, phrased for a message: "an output of task 'up'", "an input table". */
    public String describeName(String name) {
        String lower = lower(name);
        if (inputTables.contains(lower)) {
            return "an input table";
        }
        if (METADATA_TABLES.contains(lower)) {
            return "one of the workspace's metadata tables";
        }
        String declaredBy = outputOwners.get(lower);
        if (declaredBy != null) {
            return "an output of task '" + declaredBy + "'";
        }
        return owner(name).map(task -> "a name of task '" + task + "' (its prefix " + task + "_)")
                .orElse("not a table or view any task or input declares");
    }

    /** The namespace of {@code task}, which must be one of this workspace's tasks. */
    public Namespace namespace(String task) {
        TaskNames names = tasks.get(task);
        if (names == null) {
            throw new IllegalArgumentException("no task '" + task + "' among " + tasks.keySet());
        }
        return new Namespace(task, names.outputs(), names.inputs(), this);
    }

    /**
     * The names starting with {@code task}'s prefix that belong to someone else, as a phrase for messages
     * ("x_y_report, names starting with x_y_ (task x_y)"); empty when the prefix is the task's alone.
     */
    List<String> carveOuts(String task) {
        String prefix = lower(task) + "_";
        List<String> carved = new ArrayList<>();
        List<String> carvedPrefixes = new ArrayList<>();
        for (TaskNames other : byLongestPrefix) {
            if (!other.task().equals(task) && other.prefix().startsWith(prefix)) {
                carved.add("names starting with " + other.task() + "_ (task " + other.task() + ")");
                carvedPrefixes.add(other.prefix());
            }
        }
        for (Map.Entry<String, String> output : outputOwners.entrySet()) {
            boolean coveredAlready = carvedPrefixes.stream().anyMatch(output.getKey()::startsWith);
            if (!output.getValue().equals(task) && output.getKey().startsWith(prefix) && !coveredAlready) {
                carved.add(spelled(output.getKey(), output.getValue()) + " (an output of task " + output.getValue() + ")");
            }
        }
        for (String input : inputTables) {
            if (input.startsWith(prefix)) {
                carved.add(input + " (an input table)");
            }
        }
        return carved;
    }

    /**
     * One warning per task whose name prefix also matches another task's declared output: the output stays
     * its declaring task's, which the author of the spec may not expect.
     */
    public List<String> overlapWarnings() {
        List<String> warnings = new ArrayList<>();
        for (TaskNames task : tasks.values()) {
            for (TaskNames other : tasks.values()) {
                if (other == task) {
                    continue;
                }
                for (String output : other.outputs()) {
                    if (lower(output).startsWith(task.prefix())) {
                        warnings.add("Task '" + task.task() + "' has the name prefix " + task.task() + "_, which also "
                                + "matches '" + output + "', an output of task '" + other.task() + "'. The output "
                                + "belongs to '" + other.task() + "': task '" + task.task() + "' may not create, replace "
                                + "or drop it. Rename the output or the task if that is not what you meant.");
                    }
                }
            }
        }
        return warnings;
    }

    private String spelled(String lowerOutput, String owner) {
        return tasks.get(owner).outputs().stream().filter(o -> lower(o).equals(lowerOutput)).findFirst()
                .orElse(lowerOutput);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
