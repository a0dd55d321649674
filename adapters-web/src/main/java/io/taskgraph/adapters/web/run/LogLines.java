package io.taskgraph.adapters.web.run;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.port.ExportResult;
import io.taskgraph.domain.run.RunSummary;
import io.taskgraph.domain.run.TaskOutcome;
import io.taskgraph.domain.run.TaskStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console lines the page shows for each run event: plain text, one fact per line, the same facts the
 * CLI prints. SQL is folded onto one line and shortened; the full text stays in the .db's {@code _trace}.
 */
public final class LogLines {
    static final int SQL_PREVIEW_CHARS = 160;

    private LogLines() {
    }

    public static List<String> of(RunEvent event) {
        if (event instanceof RunEvent.RunStarted e) {
            return List.of("Running " + e.specModule() + " with " + e.model() + ": " + count(e.dependencies().size(), "task")
                    + (e.replay() ? " (replaying a recorded conversation)" : ""));
        } else if (event instanceof RunEvent.Warning e) {
            return List.of("warning: " + e.message());
        } else if (event instanceof RunEvent.InputIngested e) {
            return List.of("ingested " + e.input() + ": " + count(e.rows(), "row") + " (" + Durations.text(e.elapsed()) + ")");
        } else if (event instanceof RunEvent.TaskStarted e) {
            return List.of("[" + e.task() + "] started (" + e.kind().name().toLowerCase(Locale.ROOT) + " task)");
        } else if (event instanceof RunEvent.TaskIteration e) {
            return List.of("[" + e.task() + "] iteration " + e.iteration() + " (" + tokens(e.usage().total()) + " so far)");
        } else if (event instanceof RunEvent.SqlExecuted e) {
            return List.of(e.success()
                    ? "[" + e.task() + "] sql ok, " + count(e.rowCount(), "row") + ", " + e.elapsedMs() + " ms: " + shorten(e.sql())
                    : "[" + e.task() + "] sql error: " + oneLine(e.error()) + " -- " + shorten(e.sql()));
        } else if (event instanceof RunEvent.ValidationFailed e) {
            List<String> lines = new ArrayList<>();
            lines.add("[" + e.task() + "] validation failed:");
            e.messages().forEach(m -> lines.add("[" + e.task() + "]   - " + oneLine(m)));
            return lines;
        } else if (event instanceof RunEvent.LlmRetrying e) {
            return List.of("[" + e.task() + "] model call failed (" + oneLine(e.reason()) + "); retry " + e.attempt()
                    + " in " + Durations.text(e.delay()));
        } else if (event instanceof RunEvent.TaskFinished e) {
            return List.of(finished(e.outcome()));
        } else if (event instanceof RunEvent.ExportFinished e) {
            ExportResult r = e.result();
            return List.of(r.succeeded() ? "export " + r.name() + " written" : "export " + r.name() + " failed: "
                    + oneLine(r.error().orElse("")));
        } else if (event instanceof RunEvent.RunFinished e) {
            return List.of(summary(e.summary()));
        }
        return List.of();
    }

    static String finished(TaskOutcome o) {
        String effort = count(o.iterations(), "iteration") + ", " + count(o.toolCalls(), "tool call") + ", "
                + tokens(o.usage().total()) + ", " + Durations.text(o.elapsed());
        return switch (o.status()) {
            case PASSED -> "[" + o.task() + "] passed (" + effort + ")";
            case REUSED -> "[" + o.task() + "] reused: its views still pass validation";
            case BLOCKED -> "[" + o.task() + "] blocked: " + oneLine(o.reason());
            case NOT_SELECTED -> "[" + o.task() + "] not selected";
            case FAILED, INTERRUPTED -> "[" + o.task() + "] " + o.status().label() + " (" + effort + ")"
                    + (o.reason().isEmpty() ? "" : ": " + oneLine(o.reason()));
        };
    }

    static String summary(RunSummary s) {
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        s.tasks().forEach(t -> counts.merge(t.status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((status, n) -> parts.add(n + " " + status.label()));
        long failedExports = s.exports().stream().filter(x -> !x.succeeded()).count();
        String exports = s.exports().isEmpty() ? "" : ", " + count(s.exports().size() - failedExports, "export")
                + " written" + (failedExports > 0 ? ", " + failedExports + " failed" : "");
        return (s.interrupted() ? "Interrupted after " : "Finished in ") + Durations.text(s.elapsed()) + ": "
                + (parts.isEmpty() ? "no tasks" : String.join(", ", parts)) + exports + "; " + tokens(s.usage().total());
    }

    static String shorten(String sql) {
        String line = oneLine(sql);
        return line.length() <= SQL_PREVIEW_CHARS ? line : line.substring(0, SQL_PREVIEW_CHARS - 3) + "...";
    }

    /** A line fit for one SSE data field: line breaks become spaces, leading indentation stays. */
    static String oneLineKeepingIndent(String line) {
        return line.replaceAll("[\\r\\n]+", " ");
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String tokens(long n) {
        return String.format(Locale.ROOT, "%,d tokens", n);
    }
}
