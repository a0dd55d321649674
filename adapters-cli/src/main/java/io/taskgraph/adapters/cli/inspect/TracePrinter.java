package io.taskgraph.adapters.cli.inspect;

import io.taskgraph.adapters.cli.progress.Style;
import io.taskgraph.application.inspect.TraceEntry;
import io.taskgraph.application.progress.Readable;
import io.taskgraph.application.trace.TraceListing;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The trace for reading in a terminal: a line per statement with its time, task, ok or error, how long it took and
 * the rows it returned; the statement below it, indented, as it was sent (several lines stay several lines); the
 * database's error under a failed one. A date line starts each new day.
 */
public final class TracePrinter {
    private static final String INDENT = "    ";

    private final PrintStream out;
    private final Style style;

    public TracePrinter(PrintStream out, Style style) {
        this.out = out;
        this.style = style;
    }

    /** {@code what} says what was selected, e.g. "failed statements of task sales". */
    public void print(String db, TraceListing listing, String what) {
        List<TraceEntry> entries = listing.entries();
        if (entries.isEmpty()) {
            out.println("No " + what + " in " + db + " (its trace holds "
                    + Readable.count(listing.totalStatements(), "statement", "statements") + ").");
            out.flush();
            return;
        }
        int taskWidth = entries.stream().mapToInt(e -> e.task().length()).max().orElse(0);
        String day = "";
        for (TraceEntry entry : entries) {
            String[] when = entry.timestamp().split(" ", 2);
            if (when.length == 2 && !when[0].equals(day)) {
                day = when[0];
                out.println(style.bold(day));
            }
            String time = when.length == 2 ? when[1] : entry.timestamp();
            String outcome = entry.ok() ? style.green("ok   ") : style.red("error");
            StringBuilder head = new StringBuilder()
                    .append(style.dim(time)).append("  ")
                    .append(style.cyan(entry.task())).append(" ".repeat(taskWidth - entry.task().length())).append("  ")
                    .append(outcome).append("  ")
                    .append(String.format(Locale.ROOT, "%7s", Readable.duration(Duration.ofNanos(Math.round(entry.elapsedMs() * 1_000_000)))));
            entry.rowCount().ifPresent(rows -> head.append("  ").append(style.dim(Readable.count(rows, "row", "rows"))));
            out.println(head);
            indented(entry.statement(), INDENT, INDENT, false);
            entry.error().ifPresent(error -> indented(error, INDENT + "error: ", INDENT + "       ", true));
        }
        long failed = listing.failed();
        out.println(style.dim(Readable.count(entries.size(), "statement", "statements")
                + (failed > 0 ? ", " + failed + " failed" : "")
                + (entries.size() < listing.totalStatements() ? " (" + what + "; the trace holds "
                        + listing.totalStatements() + ")" : "") + "."));
        out.flush();
    }

    private void indented(String text, String first, String rest, boolean error) {
        String[] lines = text.strip().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = ((i == 0 ? first : rest) + lines[i]).stripTrailing();
            out.println(error ? style.red(line) : line);
        }
    }
}
