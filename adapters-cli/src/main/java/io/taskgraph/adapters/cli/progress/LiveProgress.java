package io.taskgraph.adapters.cli.progress;

import io.taskgraph.application.progress.EventWording;
import io.taskgraph.application.progress.ProgressLine;
import io.taskgraph.application.progress.ProgressLine.Level;
import io.taskgraph.application.progress.ProgressLine.Topic;
import io.taskgraph.application.progress.Readable;
import io.taskgraph.application.progress.RunTracker;
import io.taskgraph.application.progress.TaskProgress;
import io.taskgraph.application.progress.TaskState;
import io.taskgraph.application.progress.TaskWording;
import io.taskgraph.domain.event.RunEvent;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress on a terminal: one line per task of the run model, redrawn in place with ANSI cursor movement, with
 * log lines (ingestion, validation failures, retries, warnings, failures) scrolling above the board. Events only
 * queue log lines; the board is drawn from the {@link RunTracker}'s snapshot by a ticker ten times a second, so
 * thousands of SQL events cost no flicker. Whoever feeds this renderer feeds the tracker first.
 */
public final class LiveProgress implements ProgressRenderer {
    private static final String[] SPINNER_UNICODE = {"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"};
    private static final String[] SPINNER_ASCII = {"|", "/", "-", "\\"};
    private static final long TICK_MILLIS = 100;
    /** The longest state label and a space: the details line up after it. */
    private static final int LABEL_WIDTH = Arrays.stream(TaskState.values()).mapToInt(s -> s.label().length()).max()
            .orElse(0) + 1;

    private final PrintStream out;
    private final Style style;
    private final int width;
    private final RunTracker tracker;
    private final EventWording wording;
    private final List<String> pending = new ArrayList<>();
    private final ScheduledExecutorService ticker;
    private int drawnLines;
    private int frame;
    private boolean closed;
    private boolean dirty;

    /** Draws {@code tracker}'s run on {@code out}, {@code width} columns wide; paths under {@code base} relative to it. */
    public LiveProgress(PrintStream out, Style style, int width, Path base, RunTracker tracker) {
        this.out = out;
        this.style = style;
        this.width = Math.max(40, width);
        this.tracker = tracker;
        this.wording = new EventWording(base);
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
        wording.line(event).filter(LiveProgress::worthALogLine).ifPresent(this::queue);
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
        if (!closed && (dirty || tracker.snapshot().anyRunning())) {
            frame++;
            draw();
        }
    }

    /** Tasks starting and passing show on the board, the verdict in the summary; the rest scrolls above. */
    private static boolean worthALogLine(ProgressLine line) {
        if (line.level() == Level.DETAIL || line.topic() == Topic.TASK_STARTED || line.topic() == Topic.RUN_FINISHED) {
            return false;
        }
        return line.topic() != Topic.TASK_SETTLED || line.level() == Level.ERROR;
    }

    private void queue(ProgressLine line) {
        pending.add(colour(line.level(), line.text()));
        line.more().forEach(more -> pending.add(colour(line.level(), "    " + more)));
    }

    private String colour(Level level, String text) {
        return switch (level) {
            case ERROR -> style.red(text);
            case WARNING -> style.yellow(text);
            default -> text;
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
        List<TaskProgress> tasks = tracker.snapshot().tasks();
        int nameWidth = tasks.stream().mapToInt(t -> t.task().length()).max().orElse(0);
        for (TaskProgress task : tasks) {
            screen.append("\033[2K").append(render(task, nameWidth)).append('\n');
        }
        screen.append("\033[J");
        drawnLines = tasks.size();
        out.print(screen);
        out.flush();
    }

    private String render(TaskProgress task, int nameWidth) {
        String name = task.task() + " ".repeat(nameWidth - task.task().length());
        String label = task.state().label();
        String text = "  " + symbol(task.state()) + " " + name + "  " + label
                + " ".repeat(Math.max(1, LABEL_WIDTH - label.length())) + TaskWording.detail(task);
        text = Readable.cut(text, width - 1).stripTrailing();
        return switch (task.state()) {
            case PASSED, REUSED -> style.green(text);
            case FAILED -> style.red(text);
            case BLOCKED, INTERRUPTED -> style.yellow(text);
            case WAITING, NOT_SELECTED -> style.dim(text);
            case RUNNING -> text;
        };
    }

    private String symbol(TaskState state) {
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
}
