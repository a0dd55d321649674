package io.taskgraph.adapters.cli.progress;

import io.taskgraph.adapters.cli.progress.EventLine.Level;
import io.taskgraph.domain.event.RunEvent;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Progress as plain lines, one per event worth a line, prefixed with the time since the run began: for pipes,
 * files and CI logs. Quiet keeps warnings and errors only; verbose adds every SQL statement. Warnings go to
 * stderr, everything else to stdout.
 */
public final class LineProgress implements ProgressRenderer {
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Level threshold;
    private final Path base;
    private Instant start;

    /** Paths inside {@code base} (the working directory) are printed relative to it. */
    public LineProgress(PrintStream out, PrintStream err, Clock clock, Path base, boolean quiet, boolean verbose) {
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.threshold = quiet ? Level.WARNING : verbose ? Level.DETAIL : Level.INFO;
        this.base = base;
    }

    @Override
    public synchronized void on(RunEvent event) {
        Instant now = clock.instant();
        if (start == null) {
            start = now;
        }
        Optional<EventLine> line = EventLine.of(event, base);
        if (line.isEmpty() || line.get().level().compareTo(threshold) < 0) {
            return;
        }
        String stamp = String.format(Locale.ROOT, "[%7s] ", Formats.duration(Duration.between(start, now)));
        PrintStream stream = line.get().level() == Level.WARNING ? err : out;
        stream.println(stamp + line.get().text());
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
