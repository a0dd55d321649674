package io.taskgraph.application.show;

import io.taskgraph.application.show.SpecOverview.Input;
import io.taskgraph.application.show.SpecOverview.Task;
import io.taskgraph.application.show.SpecOverview.TaskInput;
import io.taskgraph.application.show.SpecOverview.TaskOutput;
import io.taskgraph.application.show.SpecOverview.ValidationSummary;
import io.taskgraph.domain.spec.TaskKind;
import java.util.List;
import java.util.stream.Collectors;

/** The plain-text overview: read top to bottom, like the run that would follow. */
final class OverviewText {
    private static final int PROMPT_WIDTH = 88;

    private OverviewText() {
    }

    static String render(SpecOverview o) {
        StringBuilder out = new StringBuilder();
        out.append("Spec ").append(o.module()).append('\n');
        o.file().ifPresent(f -> out.append("  file: ").append(f).append('\n'));
        o.warnings().forEach(w -> out.append("  warning: ").append(w).append('\n'));
        if (!o.selection().all()) {
            out.append("  selected: ").append(o.selection().selectors()).append(" -> ")
                    .append(String.join(", ", o.selection().tasks())).append(" (marked *)\n");
        }

        out.append("\nInputs (").append(o.inputs().size()).append(")\n");
        int width = o.inputs().stream().mapToInt(i -> i.name().length()).max().orElse(0);
        for (Input input : o.inputs()) {
            out.append("  ").append(pad(input.name(), width)).append("  ");
            input.file().ifPresent(file -> out.append("file ").append(file)
                    .append(input.missing() ? " (missing!)" : "").append(" · "));
            out.append(columns(input.columns())).append(" · ").append(checks(input.sqlChecks())).append('\n');
        }
        if (o.inputs().isEmpty()) {
            out.append("  (none)\n");
        }

        if (!o.layers().isEmpty() || o.tasks().isEmpty()) {
            out.append("\nTasks: ").append(o.tasks().size()).append(" in ").append(o.layers().size())
                    .append(o.layers().size() == 1 ? " layer" : " layers").append('\n');
            for (int i = 0; i < o.layers().size(); i++) {
                out.append("  Layer ").append(i + 1).append('\n');
                for (String name : o.layers().get(i)) {
                    task(out, o.task(name).orElseThrow(), !o.selection().all() && o.selected(name));
                }
            }
        } else {
            out.append("\nTasks: ").append(o.tasks().size()).append(" (not layered: the graph has problems)\n");
            o.tasks().forEach(t -> task(out, t, false));
        }
        if (o.tasks().isEmpty()) {
            out.append("  (none)\n");
        }

        validation(out, o.validation());

        out.append("\nExports (").append(o.exports().size()).append(")\n");
        o.exports().forEach(e -> out.append("  ").append(e).append('\n'));
        if (o.exports().isEmpty()) {
            out.append("  (none)\n");
        }

        if (o.valid()) {
            out.append("\nGraph: a valid DAG, no problems.\n");
        } else {
            out.append("\nProblems (").append(o.problems().size()).append("): taskgraph run refuses this spec\n");
            o.problems().forEach(p -> out.append("  - ").append(p.replace("\n", "\n    ")).append('\n'));
        }
        return out.toString();
    }

    /** One task's lines; a highlighted task is marked {@code *} in the indentation, so columns stay aligned. */
    private static void task(StringBuilder out, Task task, boolean highlighted) {
        out.append(highlighted ? "  * " : "    ").append(task.name()).append("  [").append(kind(task)).append(']');
        if (!task.dependsOn().isEmpty()) {
            out.append("  after ").append(String.join(", ", task.dependsOn()));
        }
        out.append('\n');
        out.append("      reads   ").append(task.inputs().isEmpty() ? "(nothing)"
                : task.inputs().stream().map(OverviewText::input).collect(Collectors.joining(", "))).append('\n');
        out.append("      writes  ").append(task.outputs().stream().map(OverviewText::output)
                .collect(Collectors.joining(", "))).append('\n');
        out.append("      checks  ").append(task.sqlChecks() == 0 ? "views and columns only"
                : task.sqlChecks() + " SQL " + (task.sqlChecks() == 1 ? "check" : "checks")).append('\n');
        if (task.kind() == TaskKind.SQL) {
            out.append("      sql     ").append(task.sqlStatements())
                    .append(task.sqlStatements() == 1 ? " statement" : " statements").append('\n');
        }
        if (!task.prompt().isBlank()) {
            out.append("      prompt  ").append(firstLine(task.prompt())).append('\n');
        }
    }

    private static String kind(Task task) {
        return task.kind() == TaskKind.SQL && task.repair() ? "sql, agent repairs" : task.kind().label();
    }

    private static String input(TaskInput input) {
        if (input.ingested()) {
            return input.name() + " (ingested)";
        }
        return input.producer().map(p -> input.name() + " (from " + p + ")").orElse(input.name() + " (missing!)");
    }

    private static String output(TaskOutput output) {
        return output.columns().isEmpty() ? output.name() + " (any columns)"
                : output.name() + " (" + output.columns().size() + (output.columns().size() == 1 ? " column)" : " columns)");
    }

    private static void validation(StringBuilder out, ValidationSummary v) {
        out.append("\nValidation\n");
        out.append("  inputs   ").append(v.inputsWithColumns()).append(" declare required columns; ")
                .append(checks(v.inputSqlChecks())).append('\n');
        out.append("  outputs  ").append(v.outputsWithColumns()).append(" of ").append(v.outputs())
                .append(" declare required columns; ").append(checks(v.taskSqlChecks())).append('\n');
        if (!v.tasksWithoutSqlChecks().isEmpty()) {
            out.append("  tasks without SQL checks: ").append(String.join(", ", v.tasksWithoutSqlChecks())).append('\n');
        }
    }

    private static String columns(List<String> columns) {
        if (columns.isEmpty()) {
            return "any columns";
        }
        return columns.size() + (columns.size() == 1 ? " column (" : " columns (") + String.join(", ", columns) + ")";
    }

    private static String checks(int n) {
        return n == 0 ? "no SQL checks" : n == 1 ? "1 SQL check" : n + " SQL checks";
    }

    private static String firstLine(String prompt) {
        String line = prompt.strip().lines().findFirst().orElse("");
        boolean more = prompt.strip().lines().count() > 1;
        if (line.length() > PROMPT_WIDTH) {
            return line.substring(0, PROMPT_WIDTH - 1) + "…";
        }
        return more ? line + " …" : line;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
