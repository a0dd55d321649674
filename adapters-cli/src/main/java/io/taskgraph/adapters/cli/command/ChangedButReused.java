package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.progress.Style;
import io.taskgraph.adapters.cli.rerun.RerunCommandLine;
import io.taskgraph.application.progress.RunProgress;
import io.taskgraph.application.progress.TaskProgress;
import java.io.PrintStream;
import java.util.List;

/**
 * After a rerun's summary: the tasks it reused although their definition changed since their views were built, each
 * with what changed and the command that runs it again. Printed even with {@code -q}: a reworded prompt is never
 * ignored silently.
 */
final class ChangedButReused implements RunExecution.Afterword {
    private final RerunCommandLine command;
    private final Style style;

    ChangedButReused(RerunCommandLine command, Style style) {
        this.command = command;
        this.style = style;
    }

    @Override
    public void print(RunProgress run, PrintStream out) {
        List<TaskProgress> reused = run.reusedButChanged();
        if (reused.isEmpty()) {
            return;
        }
        out.println();
        out.println(style.yellow("Reused although their definition changed since their views were built "
                + "(the views still pass validation):"));
        int width = reused.stream().mapToInt(r -> r.task().length()).max().orElse(0);
        for (TaskProgress r : reused) {
            out.println("  " + r.task() + " ".repeat(width - r.task().length()) + "  "
                    + String.join(" and ", r.changed()) + " changed; run it again: "
                    + command.selecting(List.of(r.task()), true));
        }
        out.println("  or run every changed task again: " + command.changedMode(true));
        out.flush();
    }
}
