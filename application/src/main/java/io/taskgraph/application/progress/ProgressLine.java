package io.taskgraph.application.progress;

import java.util.List;

/**
 * The words a run event deserves in a log: a one-line {@code text} and, when one line cannot hold it all,
 * {@code more} lines that belong under it (renderers indent them). Plain text: renderers add colour and markup.
 */
public record ProgressLine(Level level, Topic topic, String text, List<String> more) {
    /** How important the line is: quiet output keeps WARNING and ERROR, DETAIL is for verbose logs. */
    public enum Level { DETAIL, INFO, WARNING, ERROR }

    /** What the line is about, so a display can leave out what it already shows another way. */
    public enum Topic {
        /** The run was announced, or warns about something. */
        RUN,
        INPUT,
        TASK_STARTED,
        /** A running task's iteration, SQL, validation failure or retry. */
        TASK_PROGRESS,
        /** A task settled: passed, reused, failed, blocked, interrupted or not selected. */
        TASK_SETTLED,
        EXPORT,
        /** The run's verdict, which a final summary may show instead. */
        RUN_FINISHED
    }

    public ProgressLine {
        if (text.indexOf('\n') >= 0 || more.stream().anyMatch(line -> line.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("progress lines are single lines: " + text);
        }
        more = List.copyOf(more);
    }

    ProgressLine(Level level, Topic topic, String text) {
        this(level, topic, text, List.of());
    }
}
