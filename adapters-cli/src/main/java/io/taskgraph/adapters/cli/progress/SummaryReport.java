package io.taskgraph.adapters.cli.progress;

import io.taskgraph.application.progress.Readable;
import io.taskgraph.application.progress.RunProgress;
import io.taskgraph.application.progress.RunWording;
import io.taskgraph.application.progress.TaskProgress;
import io.taskgraph.application.progress.TaskState;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.run.RunSummary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The end of a run as the user reads it, from the run model once the run finished: a table of tasks (status,
 * iterations, tool calls, tokens, time), the exports, the run's verdict, and where to look next in the workspace.
 */
public final class SummaryReport {
    private static final String[] HEADERS = {"Task", "Status", "Iterations", "Tool calls", "Tokens", "Time"};

    private final Style style;

    public SummaryReport(Style style) {
        this.style = style;
    }

    /**
     * Prints {@code run}, which has finished (its summary is there). {@code output} is the workspace path as the
     * user wrote it, so the hints can be pasted as they are.
     */
    public void print(RunProgress run, String output, PrintStream out) {
        RunSummary summary = run.summary().orElseThrow(() -> new IllegalStateException("the run has not finished"));
        out.println();
        table(run, out);
        exports(summary, out);
        out.println();
        out.println(verdict(summary));
        for (TaskProgress failed : run.tasks()) {
            if (failed.state() == TaskState.FAILED) {
                out.println("  " + style.red(failed.task()) + ": " + (failed.reason().isBlank() ? "failed" : failed.reason()));
                failed.failures().stream().limit(3).forEach(f -> out.println("      " + Readable.oneLine(f, 140)));
            }
        }
        out.println();
        nextSteps(summary, output, out);
        out.flush();
    }

    private void table(RunProgress run, PrintStream out) {
        List<TaskProgress> tasks = run.tasks();
        List<String[]> rows = new ArrayList<>();
        for (TaskProgress t : tasks) {
            boolean ran = t.state() != TaskState.BLOCKED && t.state() != TaskState.REUSED
                    && t.state() != TaskState.NOT_SELECTED;
            rows.add(new String[] {t.task(), t.state().label(), ran ? Integer.toString(t.iteration()) : "-",
                ran ? Integer.toString(t.toolCalls()) : "-", ran ? Readable.tokens(t.tokens()) : "-",
                ran ? Readable.duration(t.elapsed()) : "-"});
        }
        String[] total = {"total", "", Integer.toString(run.iterations()), Integer.toString(run.toolCalls()),
            Readable.tokens(run.usage().total()), Readable.duration(run.elapsed())};
        int[] widths = new int[HEADERS.length];
        for (int c = 0; c < HEADERS.length; c++) {
            widths[c] = HEADERS[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
            widths[c] = Math.max(widths[c], total[c].length());
        }
        out.println(style.bold(format(HEADERS, widths, UnaryOperator.identity())));
        for (int r = 0; r < rows.size(); r++) {
            TaskState state = tasks.get(r).state();
            out.println(format(rows.get(r), widths, cell -> switch (state) {
                case PASSED, REUSED -> style.green(cell);
                case FAILED -> style.red(cell);
                case NOT_SELECTED -> style.dim(cell);
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
        String verdict = RunWording.verdict(summary);
        if (summary.stopReason().isPresent()) {
            return style.red(verdict);
        }
        if (summary.interrupted()) {
            return style.yellow(verdict);
        }
        return summary.succeeded() ? style.green(verdict) : style.red(verdict);
    }

    private void nextSteps(RunSummary summary, String output, PrintStream out) {
        String db = ShellWord.quote(output);
        List<String[]> hints = new ArrayList<>();
        hints.add(new String[] {"duckdb " + db + " \"SELECT * FROM _trace\"", "every SQL statement the agents ran"});
        hints.add(new String[] {"duckdb " + db + " \"SELECT * FROM _task_meta\"",
            "per task: model, iterations, tokens, validation"});
        if (summary.interrupted() || !summary.allTasksPassed()) {
            hints.add(new String[] {"taskgraph rerun " + db + " -o " + ShellWord.quote(nextName(output)),
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
