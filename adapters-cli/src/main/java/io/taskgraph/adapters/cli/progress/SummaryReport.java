package io.taskgraph.adapters.cli.progress;

import io.taskgraph.application.inspect.Dollars;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The end of a run as the user reads it: a table of tasks (status, iterations, tool calls, tokens, time),
 * the exports, a one-line verdict, and where to look next in the workspace.
 */
public final class SummaryReport {
    private static final String[] HEADERS = {"Task", "Status", "Iterations", "Tool calls", "Tokens", "Time"};

    private final Style style;

    public SummaryReport(Style style) {
        this.style = style;
    }

    /** {@code output} is the workspace path as the user wrote it, so the hints can be pasted as they are. */
    public void print(RunSummary summary, String output, PrintStream out) {
        out.println();
        table(summary, out);
        cost(summary, out);
        exports(summary, out);
        out.println();
        out.println(verdict(summary));
        for (TaskOutcome failed : summary.tasks()) {
            if (failed.status() == TaskStatus.FAILED) {
                out.println("  " + style.red(failed.task()) + ": " + (failed.reason().isBlank() ? "failed" : failed.reason()));
                failed.failures().stream().limit(3).forEach(f -> out.println("      " + Formats.oneLine(f, 140)));
            }
        }
        out.println();
        nextSteps(summary, output, out);
        out.flush();
    }

    private void table(RunSummary summary, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        for (TaskOutcome t : summary.tasks()) {
            boolean ran = t.status() != TaskStatus.BLOCKED && t.status() != TaskStatus.REUSED;
            rows.add(new String[] {t.task(), t.status().label(), ran ? Integer.toString(t.iterations()) : "-",
                ran ? Integer.toString(t.toolCalls()) : "-", ran ? Formats.tokens(t.usage().total()) : "-",
                ran ? Formats.duration(t.elapsed()) : "-"});
        }
        int iterations = summary.tasks().stream().mapToInt(TaskOutcome::iterations).sum();
        int toolCalls = summary.tasks().stream().mapToInt(TaskOutcome::toolCalls).sum();
        String[] total = {"total", "", Integer.toString(iterations), Integer.toString(toolCalls),
            Formats.tokens(summary.usage().total()), Formats.duration(summary.elapsed())};
        int[] widths = new int[HEADERS.length];
        for (int c = 0; c < HEADERS.length; c++) {
            widths[c] = HEADERS[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
            widths[c] = Math.max(widths[c], total[c].length());
        }
        out.println(style.bold(format(HEADERS, widths, UnaryOperator.identity())));
        for (String[] row : rows) {
            TaskStatus status = TaskStatus.valueOf(row[1].toUpperCase(Locale.ROOT));
            out.println(format(row, widths, cell -> switch (status) {
                case PASSED, REUSED -> style.green(cell);
                case FAILED -> style.red(cell);
                default -> style.yellow(cell);
            }));
        }
        out.println(style.dim(format(total, widths, UnaryOperator.identity())));
    }

    /** Text columns left-aligned, number columns right-aligned; {@code status} styles the padded status cell. */
    private static String format(String[] cells, int[] widths, UnaryOperator<String> status) {
        StringBuilder line = new StringBuilder("  ");
        for (int c = 0; c < cells.length; c++) {
            String cell = cells[c];
            String padding = " ".repeat(widths[c] - cell.length());
            if (c == 1) {
                line.append(status.apply(cell)).append(padding);
            } else {
                line.append(c < 2 ? cell + padding : padding + cell);
            }
            if (c + 1 < cells.length) {
                line.append("  ");
            }
        }
        return line.toString();
    }

    /** What the model server said this run's calls cost; nothing at all when it reported no cost. */
    private void cost(RunSummary summary, PrintStream out) {
        summary.usage().cost().ifPresent(cost ->
                out.println("  Cost: " + Dollars.format(cost) + " (as reported by the model server)"));
    }

    private void exports(RunSummary summary, PrintStream out) {
        if (summary.exports().isEmpty()) {
            return;
        }
        out.println();
        out.println("Exports");
        for (ExportResult export : summary.exports()) {
            out.println(export.succeeded() ? "  " + style.green(export.name()) + "  " + export.path()
                    : "  " + style.red(export.name()) + "  failed: " + export.error().orElse(""));
        }
    }

    private String verdict(RunSummary summary) {
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        summary.tasks().forEach(t -> counts.merge(t.status(), 1, Integer::sum));
        int total = summary.tasks().size();
        int passed = counts.getOrDefault(TaskStatus.PASSED, 0) + counts.getOrDefault(TaskStatus.REUSED, 0);
        List<String> parts = new ArrayList<>();
        for (TaskStatus status : List.of(TaskStatus.REUSED, TaskStatus.FAILED, TaskStatus.BLOCKED, TaskStatus.INTERRUPTED)) {
            if (counts.getOrDefault(status, 0) > 0) {
                parts.add(counts.get(status) + " " + status.label());
            }
        }
        long failedExports = summary.exports().stream().filter(e -> !e.succeeded()).count();
        if (failedExports > 0) {
            parts.add(Formats.count(failedExports, "export", "exports") + " failed");
        }
        String detail = parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
        String counted = passed + " of " + Formats.count(total, "task", "tasks") + " passed" + detail;
        if (summary.interrupted()) {
            return style.yellow("Interrupted: " + counted + ". The workspace is valid and records the interruption.");
        }
        return summary.succeeded() ? style.green("Done: " + counted + ".") : style.red("Finished with failures: " + counted + ".");
    }

    private void nextSteps(RunSummary summary, String output, PrintStream out) {
        String db = Formats.shellWord(output);
        List<String[]> hints = new ArrayList<>();
        hints.add(new String[] {"taskgraph report " + db, "a page to review the run: graph, each task's SQL, rows, "
            + "trace" + (summary.usage().cost().isPresent() ? ", cost" : "")});
        hints.add(summary.allTasksPassed() ? new String[] {"taskgraph trace " + db, "every SQL statement the agents ran"}
                : new String[] {"taskgraph trace " + db + " --failed", "the statements that failed, with the errors"});
        hints.add(new String[] {"taskgraph query " + db + " \"SHOW TABLES\"",
            "the inputs and views; query any of them the same way"});
        if (summary.interrupted() || !summary.allTasksPassed()) {
            hints.add(new String[] {"taskgraph rerun " + db + " -o " + Formats.shellWord(nextName(output)),
                "reuses the tasks that passed, runs the others again"});
        }
        int width = hints.stream().mapToInt(h -> h[0].length()).max().orElse(0);
        out.println("Workspace " + summary.output());
        out.println("Look next:");
        for (String[] hint : hints) {
            out.println("  " + hint[0] + " ".repeat(width - hint[0].length() + 3) + style.dim("# " + hint[1]));
        }
    }

    /** {@code out.db} becomes {@code out-rerun.db}: a name for the rerun's workspace. */
    static String nextName(String output) {
        return output.endsWith(".db") ? output.substring(0, output.length() - 3) + "-rerun.db" : output + "-rerun.db";
    }
}
