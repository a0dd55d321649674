package io.taskgraph.application.show;

import io.taskgraph.application.show.SpecOverview.Input;
import io.taskgraph.application.show.SpecOverview.Task;
import io.taskgraph.application.show.SpecOverview.TaskInput;
import io.taskgraph.application.show.SpecOverview.TaskOutput;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The DAG as a diagram: input tables feed tasks, edges between tasks are labelled with the views they hand
 * over, and views no task reads are drawn as the final results. Unknown inputs are drawn and marked, so a
 * broken graph can be looked at too. Node ids are prefixed by role, so a task and a view may share a name.
 */
final class OverviewDiagrams {
    private OverviewDiagrams() {
    }

    static String mermaid(SpecOverview o) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        out.append("  %% taskgraph show --format mermaid: ").append(o.module()).append('\n');
        for (Input input : o.inputs()) {
            out.append("  input_").append(input.name()).append("[(\"").append(input.name()).append("\")]\n");
        }
        for (Task task : o.tasks()) {
            out.append("  task_").append(task.name()).append("[\"").append(task.name()).append("<br/><small>")
                    .append(kind(task)).append("</small>\"]\n");
        }
        for (String view : finalViews(o)) {
            out.append("  view_").append(view).append("([\"").append(view).append("\"])\n");
        }
        for (String missing : missingInputs(o)) {
            out.append("  missing_").append(missing).append("[\"").append(missing).append(" (missing)\"]\n");
        }
        for (Task task : o.tasks()) {
            for (TaskInput input : task.inputs()) {
                if (input.ingested()) {
                    out.append("  input_").append(input.name()).append(" --> task_").append(task.name()).append('\n');
                } else if (input.producer().isPresent()) {
                    out.append("  task_").append(input.producer().get()).append(" -->|").append(input.name())
                            .append("| task_").append(task.name()).append('\n');
                } else {
                    out.append("  missing_").append(input.name()).append(" -.-> task_").append(task.name()).append('\n');
                }
            }
        }
        for (Task task : o.tasks()) {
            for (TaskOutput output : task.outputs()) {
                if (finalViews(o).contains(output.name())) {
                    out.append("  task_").append(task.name()).append(" --> view_").append(output.name()).append('\n');
                }
            }
        }
        out.append("  classDef input fill:#e8f1fb,stroke:#3b6ea8\n");
        out.append("  classDef view fill:#eaf7ea,stroke:#3c8d3c\n");
        out.append("  classDef missing fill:#fdeaea,stroke:#b33,stroke-dasharray:4\n");
        if (!o.selection().all()) {
            out.append("  classDef selected fill:#fff4d6,stroke:#d97706,stroke-width:3px\n");
        }
        appendClass(out, "input", "input_", o.inputs().stream().map(Input::name).toList());
        appendClass(out, "selected", "task_", o.selection().tasks());
        appendClass(out, "view", "view_", finalViews(o));
        appendClass(out, "missing", "missing_", missingInputs(o));
        return out.toString();
    }

    static String dot(SpecOverview o) {
        StringBuilder out = new StringBuilder();
        out.append("digraph taskgraph {\n");
        out.append("  // taskgraph show --format dot: ").append(o.module()).append('\n');
        out.append("  rankdir=LR;\n");
        out.append("  node [fontname=\"Helvetica\", fontsize=11];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        for (Input input : o.inputs()) {
            out.append("  \"input:").append(input.name()).append("\" [label=\"").append(input.name())
                    .append("\", shape=cylinder, style=filled, fillcolor=\"#e8f1fb\"];\n");
        }
        for (Task task : o.tasks()) {
            out.append("  \"task:").append(task.name()).append("\" [label=\"").append(task.name()).append("\\n")
                    .append(kind(task)).append("\", shape=box, style=")
                    .append(!o.selection().all() && o.selected(task.name())
                            ? "\"rounded,filled\", fillcolor=\"#fff4d6\", color=\"#d97706\", penwidth=3" : "rounded")
                    .append("];\n");
        }
        for (String view : finalViews(o)) {
            out.append("  \"view:").append(view).append("\" [label=\"").append(view)
                    .append("\", shape=note, style=filled, fillcolor=\"#eaf7ea\"];\n");
        }
        for (String missing : missingInputs(o)) {
            out.append("  \"missing:").append(missing).append("\" [label=\"").append(missing)
                    .append(" (missing)\", shape=box, style=dashed, color=\"#bb3333\"];\n");
        }
        for (Task task : o.tasks()) {
            for (TaskInput input : task.inputs()) {
                if (input.ingested()) {
                    out.append("  \"input:").append(input.name()).append("\" -> \"task:").append(task.name()).append("\";\n");
                } else if (input.producer().isPresent()) {
                    out.append("  \"task:").append(input.producer().get()).append("\" -> \"task:").append(task.name())
                            .append("\" [label=\"").append(input.name()).append("\"];\n");
                } else {
                    out.append("  \"missing:").append(input.name()).append("\" -> \"task:").append(task.name())
                            .append("\" [style=dashed];\n");
                }
            }
        }
        for (Task task : o.tasks()) {
            for (TaskOutput output : task.outputs()) {
                if (finalViews(o).contains(output.name())) {
                    out.append("  \"task:").append(task.name()).append("\" -> \"view:").append(output.name()).append("\";\n");
                }
            }
        }
        return out.append("}\n").toString();
    }

    private static String kind(Task task) {
        return task.kind().label() + (task.repair() ? " + repair" : "");
    }

    /** Outputs no task reads: the results a user queries. */
    private static Set<String> finalViews(SpecOverview o) {
        Set<String> read = new HashSet<>();
        o.tasks().forEach(t -> t.inputs().forEach(i -> read.add(i.name())));
        Set<String> views = new LinkedHashSet<>();
        o.tasks().forEach(t -> t.outputs().stream().map(TaskOutput::name).filter(v -> !read.contains(v)).forEach(views::add));
        return views;
    }

    private static Set<String> missingInputs(SpecOverview o) {
        Set<String> missing = new LinkedHashSet<>();
        o.tasks().forEach(t -> t.inputs().stream().filter(i -> !i.known()).map(TaskInput::name).forEach(missing::add));
        return missing;
    }

    private static void appendClass(StringBuilder out, String cls, String prefix, java.util.Collection<String> names) {
        if (!names.isEmpty()) {
            out.append("  class ");
            out.append(String.join(",", names.stream().map(n -> prefix + n).toList()));
            out.append(' ').append(cls).append('\n');
        }
    }
}
