package io.taskgraph.adapters.cli.progress;

import io.taskgraph.application.progress.EventWording;
import io.taskgraph.application.progress.ProgressLine;
import io.taskgraph.application.progress.ProgressLine.Level;
import io.taskgraph.application.progress.ProgressLine.Topic;
import io.taskgraph.application.progress.Readable;
import io.taskgraph.domain.event.RunEvent;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Progress as plain lines, the run model's wording of each event worth a line, prefixed with the time since the
 * run began: for pipes, files and CI logs. Quiet keeps warnings and errors only; verbose adds every model call
 * and SQL statement. Warnings go to stderr, everything else to stdout. The run's verdict is left to the summary.
 */
public final class LineProgress implements ProgressRenderer {
    private static final String INDENT = "    ";

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Level threshold;
    private final EventWording wording;
    private Instant start;

    /** Paths inside {@code base} (the working directory) are printed relative to it. */
    public LineProgress(PrintStream out, PrintStream err, Clock clock, Path base, boolean quiet, boolean verbose) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.threshold = quiet ? Level.WARNING : verbose ? Level.DETAIL : Level.INFO;
        this.wording = new EventWording(base);
    }

    @Override
    public synchronized void on(RunEvent event) {
        Instant now = clock.instant();
        if (start == null) {
            start = now;
        }
        Optional<ProgressLine> line = wording.line(event)
                .filter(l -> l.topic() != Topic.RUN_FINISHED && l.level().compareTo(threshold) >= 0);
        if (line.isEmpty()) {
            return;
        }
        PrintStream stream = line.get().level() == Level.WARNING ? err : out;
        stream.println(String.format(Locale.ROOT, "[%7s] ", Readable.duration(Duration.between(start, now)))
                + line.get().text());
        line.get().more().forEach(more -> stream.println(INDENT + more));
        stream.flush();
    }

    @Override
    public synchronized void note(String text) {
        err.println(text);
        err.flush();
    }

    @Override
    public void close() {
        out.flush();
        err.flush();
    }
}
