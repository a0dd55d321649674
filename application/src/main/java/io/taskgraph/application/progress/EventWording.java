package io.taskgraph.application.progress;

import io.taskgraph.application.progress.ProgressLine.Level;
import io.taskgraph.application.progress.ProgressLine.Topic;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.event.RunEvent.ExportFinished;
import io.taskgraph.domain.event.RunEvent.InputFileChanged;
import io.taskgraph.domain.event.RunEvent.InputIngested;
import io.taskgraph.domain.event.RunEvent.LlmRetrying;
import io.taskgraph.domain.event.RunEvent.RerunData;
import io.taskgraph.domain.event.RunEvent.RunFinished;
import io.taskgraph.domain.event.RunEvent.RunStarted;
import io.taskgraph.domain.event.RunEvent.SpecChanged;
import io.taskgraph.domain.event.RunEvent.SqlExecuted;
import io.taskgraph.domain.event.RunEvent.TaskFinished;
import io.taskgraph.domain.event.RunEvent.TaskIteration;
import io.taskgraph.domain.event.RunEvent.TaskRerunning;
import io.taskgraph.domain.event.RunEvent.TaskReused;
import io.taskgraph.domain.event.RunEvent.TaskStarted;
import io.taskgraph.domain.event.RunEvent.ValidationFailed;
import io.taskgraph.domain.event.RunEvent.Warning;
import io.taskgraph.domain.run.TaskOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one wording of every run event: the line a person reads in the terminal's log, in a CI log and in the web
 * page's console. SQL and messages are folded onto one line and shortened (the full text stays in the .db).
 */
public final class EventWording {
    /** Characters of SQL or of a message a line shows. */
    static final int WIDTH = 160;
    /** Messages a line lists (validation failures) before it only counts the rest. */
    static final int LISTED = 5;

    private final Path base;

    /** Paths inside {@code base} (the working directory, the web run's folder) are shown relative to it. */
    public EventWording(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    /** The line for {@code event}, if it deserves one. */
    public Optional<ProgressLine> line(RunEvent event) {
        if (event instanceof RunStarted e) {
            String replay = e.replay() ? " (replay: recorded answers, no model is called)" : "";
            return line(Level.INFO, Topic.RUN, "Running " + e.specModule() + " -> " + shown(e.output()) + " with "
                    + e.model() + replay + ": " + Readable.count(e.dependencies().size(), "task", "tasks"));
        }
        if (event instanceof Warning e) {
            List<String> lines = e.message().strip().lines().toList();
            return Optional.of(new ProgressLine(Level.WARNING, Topic.RUN, "warning: " + (lines.isEmpty() ? "" : lines.get(0)),
                    lines.isEmpty() ? List.of() : lines.subList(1, lines.size())));
        }
        if (event instanceof InputIngested e) {
            return line(Level.INFO, Topic.INPUT, "ingested " + e.input() + ": " + Readable.count(e.rows(), "row", "rows")
                    + " (" + Readable.duration(e.elapsed()) + ")");
        }
        if (event instanceof RerunData e) {
            return line(Level.INFO, Topic.RUN, e.reingested() ? "data: re-ingested from the spec's inputs"
                    : "data: the tables recorded in " + shown(e.source()) + " (not re-ingested)");
        }
        if (event instanceof SpecChanged e) {
            return line(Level.WARNING, Topic.RUN, "note: spec " + e.module() + " " + e.change() + "; this rerun uses it "
                    + "as it is now (--ignore-commit hides this note)");
        }
        if (event instanceof InputFileChanged e) {
            return line(Level.WARNING, Topic.RUN, "warning: input '" + e.input() + "' file " + shown(e.file())
                    + " changed on disk since it was recorded (" + e.change() + "); this rerun uses the recorded rows: "
                    + "pass --reingest to read the file as it is now");
        }
        if (event instanceof TaskRerunning e) {
            return line(Level.INFO, Topic.TASK_PROGRESS, e.task() + ": runs again: " + Readable.oneLine(e.reason(), WIDTH));
        }
        if (event instanceof TaskReused e) {
            // An unchanged reused task is said by its settled line; a changed one is never passed over silently.
            return e.changed().isEmpty()
                    ? line(Level.DETAIL, Topic.TASK_PROGRESS, e.task() + ": its views still pass validation")
                    : line(Level.INFO, Topic.TASK_PROGRESS, e.task() + ": reused, its views still pass; its "
                            + String.join(" and ", e.changed()) + (e.changed().size() == 1 ? " has" : " have")
                            + " changed since they were built");
        }
        if (event instanceof TaskStarted e) {
            return line(Level.INFO, Topic.TASK_STARTED, e.task() + ": started (" + e.kind().label() + ")");
        }
        if (event instanceof TaskIteration e) {
            return line(Level.DETAIL, Topic.TASK_PROGRESS, e.task() + ": iteration " + e.iteration() + " ("
                    + Readable.tokens(e.usage().total()) + " tokens so far)");
        }
        if (event instanceof SqlExecuted e) {
            String what = e.success()
                    ? "SQL ok, " + Readable.count(e.rowCount(), "row", "rows") + ", "
                            + Readable.duration(Duration.ofMillis(e.elapsedMs()))
                    : "SQL error: " + Readable.oneLine(e.error(), WIDTH);
            return line(Level.DETAIL, Topic.TASK_PROGRESS, e.task() + ": " + what + ": " + Readable.oneLine(e.sql(), WIDTH));
        }
        if (event instanceof ValidationFailed e) {
            List<String> listed = listed(e.messages());
            return Optional.of(new ProgressLine(Level.INFO, Topic.TASK_PROGRESS,
                    e.task() + ": validation failed: " + (listed.isEmpty() ? "" : listed.get(0)),
                    listed.isEmpty() ? List.of() : listed.subList(1, listed.size())));
        }
        if (event instanceof LlmRetrying e) {
            return line(Level.INFO, Topic.TASK_PROGRESS, e.task() + ": model call failed (" + Readable.oneLine(e.reason(), WIDTH)
                    + "); retry " + e.attempt() + " in " + Readable.duration(e.delay()));
        }
        if (event instanceof TaskFinished e) {
            return Optional.of(settled(e.outcome()));
        }
        if (event instanceof ExportFinished e) {
            return e.result().succeeded()
                    ? line(Level.INFO, Topic.EXPORT, "export " + e.result().name() + ": wrote " + shown(e.result().path()))
                    : line(Level.ERROR, Topic.EXPORT, "export " + e.result().name() + " failed: "
                            + Readable.oneLine(e.result().error().orElse(""), WIDTH));
        }
        if (event instanceof RunFinished e) {
            return Optional.of(new ProgressLine(RunWording.level(e.summary()), Topic.RUN_FINISHED,
                    RunWording.verdict(e.summary()), List.of(RunWording.totals(e.summary()))));
        }
        return Optional.empty();
    }

    private static ProgressLine settled(TaskOutcome o) {
        String reason = o.reason().isBlank() ? "" : ": " + Readable.oneLine(o.reason(), WIDTH);
        String effort = " (" + RunWording.effort(o) + ")";
        return switch (o.status()) {
            case PASSED -> new ProgressLine(Level.INFO, Topic.TASK_SETTLED, o.task() + ": passed" + effort);
            case REUSED -> new ProgressLine(Level.INFO, Topic.TASK_SETTLED, o.task() + ": still valid, reused (no model call)");
            case FAILED -> {
                List<String> listed = new ArrayList<>(listed(o.failures()));
                if (!listed.isEmpty()) {
                    listed.set(0, "last validation: " + listed.get(0));
                }
                yield new ProgressLine(Level.ERROR, Topic.TASK_SETTLED, o.task() + ": failed" + reason + effort, listed);
            }
            case BLOCKED -> new ProgressLine(Level.INFO, Topic.TASK_SETTLED, o.task() + ": blocked" + reason);
            case INTERRUPTED -> new ProgressLine(Level.INFO, Topic.TASK_SETTLED, o.task() + ": interrupted" + effort);
            case NOT_SELECTED -> new ProgressLine(Level.INFO, Topic.TASK_SETTLED, o.task() + ": not selected");
        };
    }

    /** Up to {@link #LISTED} messages, one line each, then how many more there are. */
    private static List<String> listed(List<String> messages) {
        List<String> lines = new ArrayList<>();
        messages.stream().limit(LISTED).forEach(m -> lines.add(Readable.oneLine(m, WIDTH)));
        if (messages.size() > LISTED) {
            lines.add("(+" + (messages.size() - LISTED) + " more)");
        }
        return lines;
    }

    /** {@code path} relative to the base when it lies inside it, else as it is. */
    public String shown(Path path) {
        if (path == null) {
            return "";
        }
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute).toString() : path.toString();
    }

    private static Optional<ProgressLine> line(Level level, Topic topic, String text) {
        return Optional.of(new ProgressLine(level, topic, text));
    }
}
