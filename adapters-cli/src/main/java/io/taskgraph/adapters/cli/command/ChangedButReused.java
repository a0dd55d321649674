package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.progress.Style;
import io.taskgraph.adapters.cli.rerun.RerunCommandLine;
import io.taskgraph.domain.event.RunEvent;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * After a rerun's summary: the tasks it reused although their definition changed since their views were built, each
 * with what changed and the command that runs it again. Printed even with {@code -q}: a reworded prompt is never
 * ignored silently. Collects {@link RunEvent.TaskReused} events from any thread, and lists them in spec order.
 */
final class ChangedButReused implements RunExecution.Afterword {
    private final RerunCommandLine command;
    private final Style style;
    private final List<RunEvent.TaskReused> reused = new ArrayList<>();
    private List<String> specOrder = List.of();

    ChangedButReused(RerunCommandLine command, Style style) {
        this.command = command;
        this.style = style;
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (event instanceof RunEvent.RunStarted started) {
            specOrder = List.copyOf(started.dependencies().keySet());
        } else if (event instanceof RunEvent.TaskReused r && !r.changed().isEmpty()) {
            reused.add(r);
        }
    }

    @Override
    public synchronized void print(PrintStream out) {
        if (reused.isEmpty()) {
            return;
        }
        reused.sort(Comparator.comparingInt(r -> specOrder.indexOf(r.task()))); // tasks settle in any order
        out.println();
        out.println(style.yellow("Reused although their definition changed since their views were built "
                + "(the views still pass validation):"));
        int width = reused.stream().mapToInt(r -> r.task().length()).max().orElse(0);
        for (RunEvent.TaskReused r : reused) {
            out.println("  " + r.task() + " ".repeat(width - r.task().length()) + "  "
                    + String.join(" and ", r.changed()) + " changed; run it again: "
                    + command.selecting(List.of(r.task()), true));
        }
        out.println("  or run every changed task again: " + command.changedMode(true));
        out.flush();
    }
}
