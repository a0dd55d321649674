package io.taskgraph.application.show;

import io.taskgraph.application.show.SpecOverview.Task;
import io.taskgraph.application.show.SpecOverview.ValidationSummary;
import io.taskgraph.domain.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The overview as one indented JSON document (snake_case keys, like the workspace metadata). */
final class OverviewJson {
    private OverviewJson() {
    }

    static String render(SpecOverview o) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("module", o.module());
        doc.put("file", o.file().map(Object::toString).orElse(null));
        doc.put("valid", o.valid());
        doc.put("inputs", o.inputs().stream().map(i -> map(
                "name", i.name(), "columns", i.columns(), "sql_checks", i.sqlChecks(),
                "file", i.file().orElse(null), "missing", i.missing())).toList());
        doc.put("layers", o.layers());
        doc.put("selection", o.selection().all() ? null
                : map("selectors", o.selection().selectors(), "tasks", o.selection().tasks()));
        doc.put("tasks", o.tasks().stream().map(t -> task(t, o)).toList());
        ValidationSummary v = o.validation();
        doc.put("validation", map("inputs_with_columns", v.inputsWithColumns(), "input_sql_checks", v.inputSqlChecks(),
                "outputs", v.outputs(), "outputs_with_columns", v.outputsWithColumns(),
                "task_sql_checks", v.taskSqlChecks(), "tasks_without_sql_checks", v.tasksWithoutSqlChecks()));
        doc.put("problems", o.problems());
        doc.put("exports", o.exports());
        doc.put("warnings", o.warnings());
        StringBuilder out = new StringBuilder();
        write(doc, 0, out);
        return out.append('\n').toString();
    }

    private static Map<String, Object> task(Task t, SpecOverview o) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", t.name());
        task.put("kind", t.kind().label());
        task.put("repair", t.repair());
        task.put("layer", layerOf(t.name(), o));
        task.put("selected", o.selected(t.name()));
        task.put("depends_on", t.dependsOn());
        task.put("inputs", t.inputs().stream().map(i -> map(
                "name", i.name(), "ingested", i.ingested(), "producer", i.producer().orElse(null))).toList());
        task.put("outputs", t.outputs().stream().map(out -> map("name", out.name(), "columns", out.columns())).toList());
        task.put("sql_checks", t.sqlChecks());
        task.put("sql_statements", t.sqlStatements());
        task.put("prompt", t.prompt());
        return task;
    }

    /** 1-based layer number, or null when the graph could not be layered. */
    private static Integer layerOf(String task, SpecOverview o) {
        for (int i = 0; i < o.layers().size(); i++) {
            if (o.layers().get(i).contains(task)) {
                return i + 1;
            }
        }
        return null;
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** Two-space indentation; lists of plain values stay on one line so layers and columns read at a glance. */
    private static void write(Object value, int depth, StringBuilder out) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                indent(depth + 1, out);
                Json.quote(String.valueOf(e.getKey()), out);
                out.append(": ");
                write(e.getValue(), depth + 1, out);
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            indent(depth, out);
            out.append('}');
        } else if (value instanceof Collection<?> list && !list.isEmpty() && !flat(list)) {
            out.append("[\n");
            List<Object> items = new ArrayList<>(list);
            for (int i = 0; i < items.size(); i++) {
                indent(depth + 1, out);
                write(items.get(i), depth + 1, out);
                out.append(i + 1 < items.size() ? ",\n" : "\n");
            }
            indent(depth, out);
            out.append(']');
        } else {
            Json.write(value, out);
        }
    }

    private static boolean flat(Collection<?> list) {
        return list.stream().allMatch(v -> v == null || v instanceof String || v instanceof Number
                || v instanceof Boolean || (v instanceof Collection<?> inner && inner.stream().allMatch(String.class::isInstance)));
    }

    private static void indent(int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
    }
}
