package io.taskgraph.adapters.cli.rerun;

import io.taskgraph.adapters.cli.progress.Style;
import io.taskgraph.application.progress.EventWording;
import io.taskgraph.application.progress.Readable;
import io.taskgraph.application.rerun.ChangedInputFile;
import io.taskgraph.application.rerun.PlannedTask;
import io.taskgraph.application.rerun.PlannedTask.Action;
import io.taskgraph.application.rerun.RerunPlan;
import io.taskgraph.application.rerun.SpecComparison;
import io.taskgraph.domain.definition.DefinitionComparison;
import io.taskgraph.domain.definition.FieldChange;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code rerun --dry-run} as text: which spec, data and model the rerun would use, then one line per task saying
 * what would happen and why (a changed task's line names what changed, with a short diff of a changed prompt or
 * statement list when it fits on a few lines), a count, and the commands that run reused changed tasks again.
 */
public final class RerunPlanText {
    private static final int DIFF_LINES = 6;
    private static final int DIFF_WIDTH = 100;
    private static final int REASON_WIDTH = 140;

    private final Style style;
    private final RerunCommandLine command;
    private final EventWording paths;

    /** Paths inside {@code base} (the working directory) are shown relative to it. */
    public RerunPlanText(Style style, RerunCommandLine command, Path base) {
        this.style = style;
        this.command = command;
        this.paths = new EventWording(base);
    }

    /** {@code outputNote}: what to say about the output file (empty when nothing), e.g. that it exists. */
    public String render(RerunPlan plan, String outputNote) {
        StringBuilder out = new StringBuilder();
        out.append(style.bold("Plan for taskgraph rerun " + command.source() + " -o " + command.output()))
                .append(" (mode ").append(plan.mode().wire())
                .append(plan.selection().all() ? "" : ", --select " + plan.selection().text())
                .append("): nothing was written and no model was called.\n");
        out.append("  spec    ").append(spec(plan)).append('\n');
        out.append("  data    ").append(plan.reingest() ? "re-ingested from the spec's inputs"
                : "the tables recorded in " + command.source() + " (not re-ingested)").append('\n');
        for (ChangedInputFile file : plan.changedFiles()) {
            out.append("          ").append(style.yellow("input '" + file.input() + "' file "
                    + paths.shown(file.file())
                    + " changed on disk since it was recorded (" + file.change() + "); pass --reingest to use it"))
                    .append('\n');
        }
        out.append("  model   ").append(plan.model()).append('\n');
        if (!outputNote.isEmpty()) {
            out.append("  output  ").append(outputNote).append('\n');
        }
        plan.warnings().forEach(w -> out.append("  ").append(style.yellow("warning: " + w)).append('\n'));
        out.append('\n');
        int width = plan.tasks().stream().mapToInt(t -> t.task().length()).max().orElse(0);
        for (PlannedTask task : plan.tasks()) {
            line(out, task, width);
        }
        out.append('\n').append(counts(plan)).append('\n');
        List<PlannedTask> changed = plan.reusedDespiteChanges();
        if (!changed.isEmpty()) {
            out.append("Changed since their views were built, but not set to run; to run them again:\n");
            for (PlannedTask task : changed) {
                out.append("  ").append(command.selecting(List.of(task.task()), false)).append('\n');
            }
            out.append("  or every changed task: ").append(command.changedMode(false)).append('\n');
        }
        return out.toString();
    }

    private String spec(RerunPlan plan) {
        SpecComparison spec = plan.spec();
        String module = plan.specModule() + (plan.recordedSpec() ? " (recorded)" : "");
        return switch (spec.state()) {
            case SAME -> module + ": " + spec.detail();
            case CHANGED -> module + ": " + style.yellow(spec.detail()) + "; the rerun uses it as it is now, and the "
                    + "tasks list what changed";
            case OTHER_MODULE, UNKNOWN -> module + ": " + spec.detail();
        };
    }

    private void line(StringBuilder out, PlannedTask task, int width) {
        String name = task.task() + " ".repeat(width - task.task().length());
        String label = switch (task.action()) {
            case REUSE -> style.green(pad("reuse"));
            case RUN -> style.bold(pad("run"));
            case CHECK -> pad("check");
            case REFUSE -> style.red(pad("fails"));
            case BLOCKED -> style.yellow(pad("blocked"));
        };
        out.append("  ").append(name).append("  ").append(label).append(what(task)).append('\n');
        String indent = "  " + " ".repeat(width) + "  " + " ".repeat(9);
        for (FieldChange change : task.definition().changes()) {
            Optional<List<String>> diff = change.diff(DIFF_LINES, DIFF_WIDTH);
            if (diff.isPresent()) {
                out.append(indent).append(change.field()).append(":\n");
                diff.get().forEach(d -> out.append(indent).append("  ").append(colour(d)).append('\n'));
            } else if (!change.text()) {
                out.append(indent).append(change.field()).append(": ").append(change.before()).append(" -> ")
                        .append(change.after()).append('\n');
            } else {
                out.append(indent).append(change.field()).append(": (too long to show here; compare the spec with "
                        + "taskgraph extract-spec)\n");
            }
        }
    }

    private String what(PlannedTask task) {
        String why = Readable.oneLine(task.why(), REASON_WIDTH);
        String changes = changes(task.definition());
        return switch (task.action()) {
            case REUSE -> "views pass validation" + (changes.isEmpty() ? "" : "; " + changes);
            case RUN -> why + (changes.isEmpty() || task.forced() && why.endsWith(" changed") ? "" : "; " + changes);
            case CHECK -> "validated again once " + and(task.after()) + (task.after().size() == 1 ? " has" : " have")
                    + " run; runs again only if a check then fails" + (why.isEmpty() ? "" : " (now: " + why + ")")
                    + (changes.isEmpty() ? "" : "; " + changes);
            case REFUSE -> "not selected, so left failing: " + why;
            case BLOCKED -> why;
        };
    }

    /** What the definition comparison has to say, or nothing when it found the definition unchanged. */
    private static String changes(DefinitionComparison definition) {
        return switch (definition.basis()) {
            case DEFINITION -> definition.changed() ? definition.changedFields() + " changed since its views were built" : "";
            case PROMPT_ONLY, NOTHING -> definition.summary();
        };
    }

    private static String and(List<String> names) {
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String counts(RerunPlan plan) {
        StringBuilder line = new StringBuilder();
        for (Action action : Action.values()) {
            List<PlannedTask> tasks = plan.with(action);
            if (tasks.isEmpty()) {
                continue;
            }
            if (line.length() > 0) {
                line.append(", ");
            }
            line.append(tasks.size()).append(' ').append(switch (action) {
                case REUSE -> "reused";
                case RUN -> "run again";
                case CHECK -> "checked again";
                case REFUSE -> "left failing";
                case BLOCKED -> "blocked";
            }).append(" (").append(String.join(", ", tasks.stream().map(PlannedTask::task).toList())).append(')');
        }
        return "Tasks: " + line + ".";
    }

    private String colour(String diffLine) {
        return diffLine.startsWith("- ") ? style.red(diffLine) : diffLine.startsWith("+ ") ? style.green(diffLine) : diffLine;
    }

    private static String pad(String label) {
        return String.format(Locale.ROOT, "%-9s", label);
    }
}
