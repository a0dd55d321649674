package io.taskgraph.domain.definition;

import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.json.JsonException;
import io.taskgraph.domain.spec.TaskKind;
import io.taskgraph.domain.spec.TaskSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the spec says about one task, as the workspace records it when the task runs: what a rerun compares
 * the spec with to tell what changed since the task's views were built. The JSON form (the {@code definition} value
 * of {@code _task_meta}) is {@code {"kind": "agent", "prompt": "...", "sql": [...], "repair": false,
 * "inputs": [...], "outputs": [...], "output_columns": {"view": ["col", ...]}, "validate_sql": [...]}}.
 */
public record TaskDefinition(TaskKind kind, String prompt, List<String> sql, boolean repair, List<String> inputs,
                             List<String> outputs, Map<String, List<String>> outputColumns, List<String> validateSql) {
    public TaskDefinition {
        Objects.requireNonNull(kind, "kind");
        prompt = prompt == null ? "" : prompt;
        sql = List.copyOf(sql);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Map<String, List<String>> columns = new LinkedHashMap<>();
        outputColumns.forEach((view, cols) -> columns.put(view, List.copyOf(cols)));
        outputColumns = java.util.Collections.unmodifiableMap(columns);
        validateSql = List.copyOf(validateSql);
    }

    public static TaskDefinition of(TaskSpec task) {
        return new TaskDefinition(task.kind(), task.prompt(), task.sql(), task.repair(), task.inputs(), task.outputs(),
                task.outputColumns(), task.validateSql());
    }

    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind.label());
        json.put("prompt", prompt);
        json.put("sql", sql);
        json.put("repair", repair);
        json.put("inputs", inputs);
        json.put("outputs", outputs);
        json.put("output_columns", outputColumns);
        json.put("validate_sql", validateSql);
        return Json.write(json);
    }

    /** Reads the JSON form; throws {@link JsonException} saying which field is wrong. */
    public static TaskDefinition parse(String json) {
        Map<String, Object> root = Json.parseObject(json);
        String kind = text(root.get("kind"), "kind");
        TaskKind parsedKind;
        try {
            parsedKind = TaskKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JsonException("the task kind should be agent or sql but is " + Json.quote(kind));
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Object declared = root.get("output_columns");
        if (declared != null) {
            if (!(declared instanceof Map<?, ?> map)) {
                throw new JsonException("output_columns should be a JSON object but is " + Json.write(declared));
            }
            map.forEach((view, cols) -> columns.put(String.valueOf(view), strings(cols, "output_columns")));
        }
        Object repair = root.getOrDefault("repair", false);
        if (!(repair instanceof Boolean)) {
            throw new JsonException("repair should be true or false but is " + Json.write(repair));
        }
        return new TaskDefinition(parsedKind, text(root.getOrDefault("prompt", ""), "prompt"),
                strings(root.getOrDefault("sql", List.of()), "sql"), (Boolean) repair,
                strings(root.getOrDefault("inputs", List.of()), "inputs"),
                strings(root.getOrDefault("outputs", List.of()), "outputs"), columns,
                strings(root.getOrDefault("validate_sql", List.of()), "validate_sql"));
    }

    /**
     * What differs in this definition from {@code recorded}, field by field, in the order fields are listed above.
     * What an agent cannot see is no change: surrounding whitespace of prompts and statements, and the order of
     * inputs, outputs and required columns (the structural fingerprint treats those orders alike too).
     */
    public List<FieldChange> changesSince(TaskDefinition recorded) {
        List<FieldChange> changes = new ArrayList<>();
        if (!prompt.strip().equals(recorded.prompt.strip())) {
            changes.add(new FieldChange(FieldChange.PROMPT, recorded.prompt.strip(), prompt.strip()));
        }
        if (!statements(sql).equals(statements(recorded.sql))) {
            changes.add(new FieldChange(FieldChange.SQL, lines(recorded.sql), lines(sql)));
        }
        if (repair != recorded.repair) {
            changes.add(new FieldChange(FieldChange.REPAIR, String.valueOf(recorded.repair), String.valueOf(repair)));
        }
        if (!sorted(inputs).equals(sorted(recorded.inputs))) {
            changes.add(new FieldChange(FieldChange.INPUTS, recorded.inputs.toString(), inputs.toString()));
        }
        if (!sorted(outputs).equals(sorted(recorded.outputs))) {
            changes.add(new FieldChange(FieldChange.OUTPUTS, recorded.outputs.toString(), outputs.toString()));
        }
        if (!canonical(outputColumns).equals(canonical(recorded.outputColumns))) {
            changes.add(new FieldChange(FieldChange.OUTPUT_COLUMNS, recorded.outputColumns.toString(),
                    outputColumns.toString()));
        }
        if (!statements(validateSql).equals(statements(recorded.validateSql))) {
            changes.add(new FieldChange(FieldChange.VALIDATE_SQL, lines(recorded.validateSql), lines(validateSql)));
        }
        return List.copyOf(changes);
    }

    private static List<String> statements(List<String> sql) {
        return sql.stream().map(String::strip).toList();
    }

    /** Statements one per line, their own line breaks folded, so a diff shows which statement changed. */
    private static String lines(List<String> sql) {
        return String.join("\n", sql.stream().map(s -> s.strip().replaceAll("\\s+", " ")).toList());
    }

    private static List<String> sorted(Collection<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }

    private static SortedMap<String, List<String>> canonical(Map<String, List<String>> columns) {
        SortedMap<String, List<String>> sorted = new TreeMap<>();
        columns.forEach((view, cols) -> {
            if (!cols.isEmpty()) {
                sorted.put(view, sorted(cols));
            }
        });
        return sorted;
    }

    private static String text(Object value, String field) {
        if (!(value instanceof String s)) {
            throw new JsonException(field + " should be a string but is " + (value == null ? "missing" : Json.write(value)));
        }
        return s;
    }

    private static List<String> strings(Object value, String field) {
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new JsonException(field + " should be a list of strings but is "
                    + (value == null ? "missing" : Json.write(value)));
        }
        return list.stream().map(String.class::cast).toList();
    }
}
