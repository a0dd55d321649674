package io.taskgraph.adapters.cli.progress;

import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.event.RunEvent.ExportFinished;
import io.taskgraph.domain.event.RunEvent.InputFileChanged;
import io.taskgraph.domain.event.RunEvent.InputIngested;
import io.taskgraph.domain.event.RunEvent.LlmRetrying;
import io.taskgraph.domain.event.RunEvent.RerunData;
import io.taskgraph.domain.event.RunEvent.RunStarted;
import io.taskgraph.domain.event.RunEvent.SpecChanged;
import io.taskgraph.domain.event.RunEvent.SqlExecuted;
import io.taskgraph.domain.event.RunEvent.TaskFinished;
import io.taskgraph.domain.event.RunEvent.TaskRerunning;
import io.taskgraph.domain.event.RunEvent.TaskReused;
import io.taskgraph.domain.event.RunEvent.TaskStarted;
import io.taskgraph.domain.event.RunEvent.ValidationFailed;
import io.taskgraph.domain.event.RunEvent.Warning;
import io.taskgraph.domain.run.TaskOutcome;
import java.nio.file.Path;
import java.util.Optional;

/** The line of text a run event deserves in a log, and how important it is. */
public record EventLine(Level level, Kind kind, String text) {
    /** Quiet output shows only {@link #WARNING} and {@link #ERROR}; {@link #DETAIL} needs --verbose. */
    public enum Level { DETAIL, INFO, WARNING, ERROR }

    /** What the line is about: the live board already shows task starts and successes itself. */
    public enum Kind { RUN, INPUT, TASK_STARTED, TASK_PROGRESS, TASK_SETTLED, EXPORT }

    private static final int SQL_WIDTH = 120;
    private static final int REASON_WIDTH = 200;

    /** The line for {@code event}; paths inside {@code base} (the working directory) are shown relative to it. */
    public static Optional<EventLine> of(RunEvent event, Path base) {
        if (event instanceof RunStarted s) {
            String replay = s.replay() ? " (replay: recorded answers, no model is called)" : "";
            return line(Level.INFO, Kind.RUN, "Running " + s.specModule() + " -> " + shown(s.output(), base) + " with " + s.model()
                    + replay + ": " + Formats.count(s.dependencies().size(), "task", "tasks"));
        }
        if (event instanceof Warning w) {
            return line(Level.WARNING, Kind.RUN, "warning: " + w.message());
        }
        if (event instanceof InputIngested i) {
            return line(Level.INFO, Kind.INPUT, "ingested " + i.input() + ": " + Formats.count(i.rows(), "row", "rows")
                    + " (" + Formats.duration(i.elapsed()) + ")");
        }
        if (event instanceof RerunData d) {
            return line(Level.INFO, Kind.RUN, d.reingested() ? "data: re-ingested from the spec's inputs"
                    : "data: the tables recorded in " + shown(d.source(), base) + " (not re-ingested)");
        }
        if (event instanceof InputFileChanged c) {
            return line(Level.WARNING, Kind.RUN, "warning: input '" + c.input() + "' file " + shown(c.file(), base)
                    + " changed on disk since it was recorded (" + c.change() + "); this rerun uses the recorded "
                    + "rows: pass --reingest to read the file as it is now");
        }
        if (event instanceof SpecChanged c) {
            return line(Level.WARNING, Kind.RUN, "note: spec " + c.module() + " " + c.change() + "; this rerun uses it "
                    + "as it is now (--ignore-commit hides this note)");
        }
        if (event instanceof TaskRerunning r) {
            return line(Level.INFO, Kind.TASK_PROGRESS, r.task() + ": runs again: " + Formats.oneLine(r.reason(), REASON_WIDTH));
        }
        if (event instanceof TaskReused r) {
            return r.changed().isEmpty() ? Optional.empty() : line(Level.INFO, Kind.TASK_PROGRESS, r.task()
                    + ": reused, its views still pass; its " + String.join(" and ", r.changed())
                    + (r.changed().size() == 1 ? " has" : " have") + " changed since they were built");
        }
        if (event instanceof TaskStarted t) {
            return line(Level.INFO, Kind.TASK_STARTED, t.task() + ": started (" + t.kind().label() + ")");
        }
        if (event instanceof SqlExecuted q) {
            String what = q.success() ? "SQL ok, " + Formats.count(q.rowCount(), "row", "rows") + ", " + q.elapsedMs() + " ms"
                    : "SQL error: " + Formats.oneLine(q.error(), SQL_WIDTH);
            return line(Level.DETAIL, Kind.TASK_PROGRESS, q.task() + ": " + what + ": " + Formats.oneLine(q.sql(), SQL_WIDTH));
        }
        if (event instanceof ValidationFailed v) {
            String first = v.messages().isEmpty() ? "" : Formats.oneLine(v.messages().get(0), SQL_WIDTH);
            String more = v.messages().size() > 1 ? " (+" + (v.messages().size() - 1) + " more)" : "";
            return line(Level.INFO, Kind.TASK_PROGRESS, v.task() + ": validation failed: " + first + more);
        }
        if (event instanceof LlmRetrying r) {
            return line(Level.INFO, Kind.TASK_PROGRESS, r.task() + ": model call failed (" + Formats.oneLine(r.reason(), SQL_WIDTH)
                    + "); retry " + r.attempt() + " in " + Formats.duration(r.delay()));
        }
        if (event instanceof TaskFinished f) {
            return Optional.of(settled(f.outcome()));
        }
        if (event instanceof ExportFinished x) {
            return x.result().succeeded()
                    ? line(Level.INFO, Kind.EXPORT, "export " + x.result().name() + ": wrote " + shown(x.result().path(), base))
                    : line(Level.ERROR, Kind.EXPORT, "export " + x.result().name() + " failed: " + x.result().error().orElse(""));
        }
        return Optional.empty();
    }

    private static EventLine settled(TaskOutcome o) {
        String effort = Formats.count(o.iterations(), "iteration", "iterations") + ", "
                + Formats.count(o.toolCalls(), "tool call", "tool calls") + ", " + Formats.tokens(o.usage().total())
                + " tokens, " + Formats.duration(o.elapsed());
        String reason = o.reason().isBlank() ? "" : ": " + o.reason();
        return switch (o.status()) {
            case PASSED -> new EventLine(Level.INFO, Kind.TASK_SETTLED, o.task() + ": passed (" + effort + ")");
            case REUSED -> new EventLine(Level.INFO, Kind.TASK_SETTLED, o.task() + ": still valid, reused (no model call)");
            case FAILED -> new EventLine(Level.ERROR, Kind.TASK_SETTLED, o.task() + ": failed" + reason + " (" + effort + ")"
                    + (o.failures().isEmpty() ? "" : "\n    last validation: " + Formats.oneLine(o.failures().get(0), SQL_WIDTH)));
            case BLOCKED -> new EventLine(Level.INFO, Kind.TASK_SETTLED, o.task() + ": blocked" + reason);
            case INTERRUPTED -> new EventLine(Level.INFO, Kind.TASK_SETTLED, o.task() + ": interrupted (" + effort + ")");
            case NOT_SELECTED -> new EventLine(Level.INFO, Kind.TASK_SETTLED, o.task() + ": not selected");
        };
    }

    /** {@code path} relative to {@code base} when it lies inside it, else as it is. */
    public static String shown(Path path, Path base) {
        if (path == null) {
            return "";
        }
        Path absolute = path.toAbsolutePath().normalize();
        Path root = base.toAbsolutePath().normalize();
        return absolute.startsWith(root) && !absolute.equals(root) ? root.relativize(absolute).toString() : path.toString();
    }

    private static Optional<EventLine> line(Level level, Kind kind, String text) {
        return Optional.of(new EventLine(level, kind, text));
    }
}
