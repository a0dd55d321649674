package io.taskgraph.adapters.cli.progress;

import io.taskgraph.adapters.cli.progress.EventLine.Kind;
import io.taskgraph.adapters.cli.progress.EventLine.Level;
import io.taskgraph.adapters.cli.progress.TaskBoard.Row;
import io.taskgraph.adapters.cli.progress.TaskBoard.State;
import io.taskgraph.domain.event.RunEvent;
import io.taskgraph.domain.spec.TaskKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress on a terminal: one line per task, redrawn in place with ANSI cursor movement, with log lines
 * (ingestion, validation failures, retries, warnings, failures) scrolling above the board. Events only
 * update the model; a ticker redraws ten times a second, so thousands of SQL events cost no flicker.
 */
public final class LiveProgress implements ProgressRenderer {
    private static final String[] SPINNER_UNICODE = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final String[] SPINNER_ASCII = {"|", "/", "-", "\\"};
    private static final long TICK_MILLIS = 100;

    private final PrintStream out;
    private final Style style;
    private final Clock clock;
    private final int width;
    private final Path base;
    private final TaskBoard board = new TaskBoard();
    private final List<String> pending = new ArrayList<>();
    private final ScheduledExecutorService ticker;
    private int drawnLines;
    private int frame;
    private boolean closed;
    private boolean dirty;

    /** Draws on {@code out}, {@code width} columns wide; paths inside {@code base} are shown relative to it. */
    public LiveProgress(PrintStream out, Style style, Clock clock, int width, Path base) {
        this.out = out;
        this.style = style;
        this.clock = clock;
        this.width = Math.max(40, width);
        this.base = base;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "taskgraph-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void on(RunEvent event) {
        if (closed) {
            return;
        }
        board.apply(event, clock.instant());
        Optional<EventLine> line = EventLine.of(event, base);
        line.filter(LiveProgress::worthALogLine).ifPresent(l -> pending.add(colour(l)));
        dirty = true;
        if (event instanceof RunEvent.RunFinished) {
            draw();
        }
    }

    @Override
    public synchronized void note(String text) {
        if (closed) {
            out.println(style.yellow(text));
        } else {
            pending.add(style.yellow(text));
            draw();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        synchronized (this) {
            if (!closed) {
                draw();
                closed = true;
                drawnLines = 0;
            }
        }
    }

    /** Redraws now rather than at the next tick (tests use it to see an intermediate state). */
    synchronized void drawNow() {
        if (!closed) {
            draw();
        }
    }

    /** Redraws when an event changed something, or while a task runs (its spinner and clock move). */
    private synchronized void tick() {
        if (!closed && (dirty || board.anyRunning())) {
            frame++;
            draw();
        }
    }

    /** Tasks starting and passing show on the board; every other line is kept in the scrolling log. */
    private static boolean worthALogLine(EventLine line) {
        if (line.level() == Level.DETAIL || line.kind() == Kind.TASK_STARTED) {
            return false;
        }
        return line.kind() != Kind.TASK_SETTLED || line.level() == Level.ERROR;
    }

    private String colour(EventLine line) {
        return switch (line.level()) {
            case ERROR -> style.red(line.text());
            case WARNING -> style.yellow(line.text());
            default -> line.text();
        };
    }

    private void draw() {
        dirty = false;
        StringBuilder screen = new StringBuilder();
        if (drawnLines > 0) {
            screen.append("\033[").append(drawnLines).append("A\r");
        }
        for (String line : pending) {
            screen.append("\033[2K").append(line).append('\n');
        }
        pending.clear();
        List<Row> rows = board.rows(clock.instant());
        int nameWidth = rows.stream().mapToInt(r -> r.task().length()).max().orElse(0);
        for (Row row : rows) {
            screen.append("\033[2K").append(render(row, nameWidth)).append('\n');
        }
        screen.append("\033[J");
        drawnLines = rows.size();
        out.print(screen);
        out.flush();
    }

    private String render(Row row, int nameWidth) {
        String name = row.task() + " ".repeat(nameWidth - row.task().length());
        String label = row.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        String detail = switch (row.state()) {
            case WAITING -> row.waitingFor().isEmpty() ? "" : "for " + String.join(", ", row.waitingFor());
            case RUNNING -> progress(row, true);
            case PASSED, FAILED, INTERRUPTED -> progress(row, false) + (row.state() == State.FAILED && !row.note().isBlank()
                    ? " · " + row.note() : "");
            case REUSED -> "still valid, no model call";
            case BLOCKED -> row.note();
            case NOT_SELECTED -> "";
        };
        String text = "  " + symbol(row.state()) + " " + name + "  " + pad(label, 11) + detail;
        text = Formats.cut(text, width - 1).stripTrailing();
        return switch (row.state()) {
            case PASSED, REUSED -> style.green(text);
            case FAILED -> style.red(text);
            case BLOCKED, INTERRUPTED -> style.yellow(text);
            case WAITING, NOT_SELECTED -> style.dim(text);
            case RUNNING -> text;
        };
    }

    private String progress(Row row, boolean running) {
        StringBuilder s = new StringBuilder();
        if (row.kind() == TaskKind.AGENT) {
            s.append(!running ? Formats.count(row.iteration(), "iteration", "iterations")
                    : row.iteration() == 0 ? "starting" : "iteration " + row.iteration()).append(" · ");
        }
        s.append(row.sql()).append(" SQL");
        if (row.failedSql() > 0) {
            s.append(" (").append(row.failedSql()).append(" failed)");
        }
        s.append(" · ").append(Formats.tokens(row.tokens())).append(" tokens · ").append(Formats.duration(row.elapsed()));
        if (running && !row.note().isBlank()) {
            s.append(" · ").append(row.note());
        }
        return s.toString();
    }

    private String symbol(State state) {
        return switch (state) {
            case WAITING -> style.symbol("·", ".");
            case RUNNING -> {
                String[] frames = style.unicode() ? SPINNER_UNICODE : SPINNER_ASCII;
                yield frames[frame % frames.length];
            }
            case PASSED, REUSED -> style.symbol("✓", "+");
            case FAILED -> style.symbol("✗", "x");
            case BLOCKED -> style.symbol("⊘", "-");
            case INTERRUPTED -> style.symbol("■", "!");
            case NOT_SELECTED -> style.symbol("–", "-");
        };
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
    }
}
