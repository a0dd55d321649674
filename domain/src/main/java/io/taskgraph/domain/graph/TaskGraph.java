package io.taskgraph.domain.graph;

import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.text.Spelling;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependencies between tasks: task B depends on task A when one of B's inputs is one of A's outputs.
 * Built only from a valid declaration (see {@link #problems}); task order follows the spec's order.
 */
public final class TaskGraph {
    private final List<TaskSpec> tasks;
    private final Map<String, Set<String>> dependencies;
    private final Map<String, String> producers;

    private TaskGraph(List<TaskSpec> tasks, Map<String, Set<String>> dependencies, Map<String, String> producers) {
        this.tasks = tasks;
        this.dependencies = dependencies;
        this.producers = producers;
    }

    /** The graph of {@code tasks} over the ingested {@code inputTables}; throws when {@link #problems} finds any. */
    public static TaskGraph of(List<TaskSpec> tasks, Collection<String> inputTables) {
        List<String> problems = problems(tasks, inputTables);
        if (!problems.isEmpty()) {
            throw new GraphException(problems);
        }
        return build(tasks);
    }

    /**
     * Every reason the declaration is not a runnable DAG: an output produced by two tasks, an input that is
     * neither an ingested table nor a task output, a task whose output shadows an input table, a cycle.
     */
    public static List<String> problems(List<TaskSpec> tasks, Collection<String> inputTables) {
        List<String> problems = new ArrayList<>();
        Map<String, String> producers = new LinkedHashMap<>();
        Set<String> tables = Set.copyOf(inputTables);
        Set<String> names = new LinkedHashSet<>();
        for (TaskSpec task : tasks) {
            if (!names.add(task.name())) {
                problems.add("Two tasks are named '" + task.name() + "'; task names must be unique, rename one.");
            }
        }
        for (TaskSpec task : tasks) {
            for (String output : task.outputs()) {
                String other = producers.putIfAbsent(output, task.name());
                if (other != null) {
                    problems.add("Output '" + output + "' is produced by both task '" + other + "' and task '"
                            + task.name() + "'; each view must have exactly one producing task.");
                }
                if (tables.contains(output)) {
                    problems.add("Task '" + task.name() + "' declares output '" + output
                            + "', which is also an input table; rename the output.");
                }
            }
        }
        for (TaskSpec task : tasks) {
            for (String input : task.inputs()) {
                if (!tables.contains(input) && !producers.containsKey(input)) {
                    List<String> known = new ArrayList<>(tables);
                    producers.keySet().stream().filter(o -> !task.outputs().contains(o)).forEach(known::add);
                    problems.add("Task '" + task.name() + "' reads input '" + input + "', which is neither an "
                            + "ingested table " + sorted(tables) + " nor an output of another task"
                            + Spelling.didYouMean(input, known).map(hint -> "; " + hint).orElse("."));
                }
                if (task.outputs().contains(input)) {
                    problems.add("Task '" + task.name() + "' lists '" + input + "' as both input and output.");
                }
            }
        }
        if (problems.isEmpty()) {
            findCycle(build(tasks)).ifPresent(cycle -> problems.add("The tasks form a cycle: "
                    + String.join(" -> ", cycle) + " (each reads an output of the next); a task cannot depend on "
                    + "its own outputs, directly or not."));
        }
        return problems;
    }

    private static TaskGraph build(List<TaskSpec> tasks) {
        Map<String, String> producers = new LinkedHashMap<>();
        for (TaskSpec task : tasks) {
            for (String output : task.outputs()) {
                producers.putIfAbsent(output, task.name());
            }
        }
        Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        for (TaskSpec task : tasks) {
            Set<String> deps = new LinkedHashSet<>();
            for (String input : task.inputs()) {
                String producer = producers.get(input);
                if (producer != null && !producer.equals(task.name())) {
                    deps.add(producer);
                }
            }
            dependencies.put(task.name(), Collections.unmodifiableSet(deps));
        }
        return new TaskGraph(List.copyOf(tasks), Collections.unmodifiableMap(dependencies),
                Collections.unmodifiableMap(producers));
    }

    private static Optional<List<String>> findCycle(TaskGraph graph) {
        Map<String, Integer> state = new LinkedHashMap<>();
        Deque<String> path = new ArrayDeque<>();
        for (String start : graph.dependencies.keySet()) {
            Optional<List<String>> cycle = visit(graph, start, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> visit(TaskGraph graph, String task, Map<String, Integer> state,
                                                Deque<String> path) {
        Integer seen = state.get(task);
        if (seen != null && seen == 2) {
            return Optional.empty();
        }
        if (seen != null) {
            List<String> onPath = new ArrayList<>(path);
            Collections.reverse(onPath);
            List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(task), onPath.size()));
            cycle.add(task);
            return Optional.of(cycle);
        }
        state.put(task, 1);
        path.push(task);
        for (String dep : graph.dependencies.get(task)) {
            Optional<List<String>> cycle = visit(graph, dep, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.pop();
        state.put(task, 2);
        return Optional.empty();
    }

    public List<TaskSpec> tasks() {
        return tasks;
    }

    public TaskSpec task(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no task named " + name));
    }

    /** The tasks {@code task} reads outputs of. */
    public Set<String> dependencies(String task) {
        Set<String> deps = dependencies.get(task);
        if (deps == null) {
            throw new IllegalArgumentException("no task named " + task);
        }
        return deps;
    }

    /** Every task {@code task} depends on, directly or not. */
    public Set<String> upstream(String task) {
        Set<String> all = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(dependencies(task));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (all.add(next)) {
                todo.addAll(dependencies(next));
            }
        }
        return all;
    }

    /** Every task that depends on {@code task}, directly or not. */
    public Set<String> downstream(String task) {
        dependencies(task); // rejects an unknown name rather than answering "nothing depends on it"
        Set<String> all = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(task));
        while (!todo.isEmpty()) {
            String current = todo.pop();
            for (Map.Entry<String, Set<String>> e : dependencies.entrySet()) {
                if (e.getValue().contains(current) && all.add(e.getKey())) {
                    todo.add(e.getKey());
                }
            }
        }
        return all;
    }

    /**
     * The tasks {@code selection} names, with the tasks its operators add ({@code NAME+}: everything downstream,
     * {@code +NAME}: everything upstream), in spec order. Every task when nothing is selected. Throws
     * {@link UnknownTaskException} for a name that is not a task of this graph.
     */
    public Set<String> select(TaskSelection selection) {
        List<String> names = tasks.stream().map(TaskSpec::name).toList();
        if (selection.all()) {
            return new LinkedHashSet<>(names);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (TaskSelection.Selector selector : selection.selectors()) {
            if (!dependencies.containsKey(selector.task())) {
                throw new UnknownTaskException(selector.task(), names);
            }
            chosen.add(selector.task());
            if (selector.upstream()) {
                chosen.addAll(upstream(selector.task()));
            }
            if (selector.downstream()) {
                chosen.addAll(downstream(selector.task()));
            }
        }
        return inSpecOrder(chosen);
    }

    /** {@code chosen} and every task they depend on, directly or not, in spec order: what it takes to build them. */
    public Set<String> withUpstream(Collection<String> chosen) {
        Set<String> all = new LinkedHashSet<>();
        for (String task : chosen) {
            all.add(task);
            all.addAll(upstream(task));
        }
        return inSpecOrder(all);
    }

    /**
     * The graph of only {@code kept} tasks, which must include every task they depend on (see {@link #withUpstream}):
     * the part of the DAG a run with a selection schedules.
     */
    public TaskGraph restrictedTo(Set<String> kept) {
        for (String task : kept) {
            if (!kept.containsAll(dependencies(task))) {
                throw new IllegalArgumentException("task " + task + " depends on tasks outside " + kept);
            }
        }
        return build(tasks.stream().filter(t -> kept.contains(t.name())).toList());
    }

    private Set<String> inSpecOrder(Set<String> names) {
        Set<String> ordered = new LinkedHashSet<>();
        tasks.stream().map(TaskSpec::name).filter(names::contains).forEach(ordered::add);
        return ordered;
    }

    /** The task producing view {@code name}, if a task does. */
    public Optional<String> producerOf(String name) {
        return Optional.ofNullable(producers.get(name));
    }

    /** Kahn layers: layer 0 needs only ingested tables; each later layer needs only earlier layers. */
    public List<List<String>> layers() {
        List<List<String>> layers = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tasks.size()) {
            List<String> layer = new ArrayList<>();
            for (TaskSpec task : tasks) {
                if (!placed.contains(task.name()) && placed.containsAll(dependencies(task.name()))) {
                    layer.add(task.name());
                }
            }
            placed.addAll(layer);
            layers.add(List.copyOf(layer));
        }
        return List.copyOf(layers);
    }

    /** All tasks in an order where each comes after its dependencies. */
    public List<String> order() {
        return layers().stream().flatMap(List::stream).toList();
    }

    /**
     * The greedy scheduler's question: which tasks can start now, given those that passed and those
     * already started or settled. A task is ready when every dependency passed.
     */
    public List<String> ready(Set<String> passed, Set<String> startedOrSettled) {
        List<String> ready = new ArrayList<>();
        for (TaskSpec task : tasks) {
            String name = task.name();
            if (!startedOrSettled.contains(name) && passed.containsAll(dependencies(name))) {
                ready.add(name);
            }
        }
        return ready;
    }

    private static List<String> sorted(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        Collections.sort(list);
        return list;
    }
}
