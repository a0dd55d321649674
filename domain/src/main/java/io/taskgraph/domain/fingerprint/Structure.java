package io.taskgraph.domain.fingerprint;

import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.json.JsonException;
import io.taskgraph.domain.spec.InputSpec;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.spec.WorkspaceSpec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The structural part of a spec in canonical form: every map sorted by key and every list sorted, because
 * neither the order of tasks nor the order of a task's inputs, outputs or required columns changes what a
 * previous run's views mean. The JSON form is {@code {"inputs": {name: [columns]}, "tasks": {name: {"inputs":
 * [...], "output_columns": {view: [columns]}, "outputs": [...]}}}}.
 */
record Structure(SortedMap<String, List<String>> inputs, SortedMap<String, TaskShape> tasks) {

    record TaskShape(List<String> inputs, List<String> outputs, SortedMap<String, List<String>> outputColumns) {
    }

    static Structure of(WorkspaceSpec spec) {
        SortedMap<String, List<String>> inputs = new TreeMap<>();
        for (InputSpec input : spec.inputs()) {
            inputs.put(input.name(), sorted(input.columns()));
        }
        SortedMap<String, TaskShape> tasks = new TreeMap<>();
        for (TaskSpec task : spec.tasks()) {
            SortedMap<String, List<String>> columns = new TreeMap<>();
            task.outputColumns().forEach((view, cols) -> columns.put(view, sorted(cols)));
            tasks.put(task.name(), new TaskShape(sorted(task.inputs()), sorted(task.outputs()), columns));
        }
        return new Structure(inputs, tasks);
    }

    String toJson() {
        SortedMap<String, Object> tasksJson = new TreeMap<>();
        tasks.forEach((name, shape) -> {
            SortedMap<String, Object> task = new TreeMap<>();
            task.put("inputs", shape.inputs());
            task.put("outputs", shape.outputs());
            task.put("output_columns", shape.outputColumns());
            tasksJson.put(name, task);
        });
        SortedMap<String, Object> root = new TreeMap<>();
        root.put("inputs", inputs);
        root.put("tasks", tasksJson);
        return Json.write(root);
    }

    /** Reads the JSON form; throws {@link JsonException} saying what is wrong when the text is not one. */
    static Structure parse(String json) {
        Map<String, Object> root = Json.parseObject(json);
        SortedMap<String, List<String>> inputs = new TreeMap<>();
        object(root.get("inputs"), "inputs").forEach((name, columns) ->
                inputs.put(name, strings(columns, "the columns of input '" + name + "'")));
        SortedMap<String, TaskShape> tasks = new TreeMap<>();
        object(root.get("tasks"), "tasks").forEach((name, value) -> {
            Map<String, Object> task = object(value, "task '" + name + "'");
            SortedMap<String, List<String>> columns = new TreeMap<>();
            Object declared = task.get("output_columns");
            if (declared != null) {
                object(declared, "the output_columns of task '" + name + "'").forEach((view, cols) ->
                        columns.put(view, strings(cols, "the output_columns of task '" + name + "'")));
            }
            tasks.put(name, new TaskShape(strings(task.get("inputs"), "the inputs of task '" + name + "'"),
                    strings(task.get("outputs"), "the outputs of task '" + name + "'"), columns));
        });
        return new Structure(inputs, tasks);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new JsonException(what + " should be a JSON object but is " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value, String what) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new JsonException(what + " should be a list of names but is " + describe(value));
        }
        return sorted(list.stream().map(String.class::cast).toList());
    }

    private static String describe(Object value) {
        return value == null ? "missing" : Json.write(value);
    }

    private static List<String> sorted(Collection<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }
}
