package io.taskgraph.application.agent;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The pictures a task takes of its own outputs while it waits for the model, for the briefings of the tasks that
 * will read them ({@link InputPreviews}). When a layer of tasks passes, all their readers start at once and brief
 * themselves at the same moment; pictures taken earlier, while the cores were idle, spare them that work.
 *
 * <p>A picture counts only if the task runs no statement after it was begun (a statement may replace the output),
 * only once the task has passed, and only if every query it made succeeded. A statement that arrives while a picture
 * is being taken waits for that picture's queries, which share the task's session.
 */
final class OutputPictures {
    /** How long after the model call begins: the task's own work for that turn is over, the model has just started. */
    static final Duration DELAY = Duration.ofMillis(150);

    private static final ScheduledExecutorService TAKER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "taskgraph-output-pictures");
        thread.setDaemon(true);
        return thread;
    });

    private final List<String> outputs;
    private final Function<String, Optional<String>> picture;
    private final Map<String, String> taken = new LinkedHashMap<>();
    private int statements;
    private boolean finished;

    /** {@code picture}: an output's picture, empty when one of its queries failed. */
    OutputPictures(List<String> outputs, Function<String, Optional<String>> picture) {
        this.outputs = List.copyOf(outputs);
        this.picture = picture;
    }

    /** Takes the pictures a little later, on a thread of their own. */
    void takeSoon() {
        TAKER.schedule(this::take, DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Before each statement the task runs: what was taken so far may no longer be true. */
    synchronized void statementRun() {
        statements++;
        taken.clear();
    }

    /** Takes every output's picture now, keeping those that no statement overtook. */
    void take() {
        int begunAt;
        synchronized (this) {
            if (finished) {
                return;
            }
            begunAt = statements;
        }
        for (String output : outputs) {
            Optional<String> text;
            try {
                text = picture.apply(output);
            } catch (RuntimeException e) {
                text = Optional.empty();
            }
            synchronized (this) {
                if (finished || statements != begunAt) {
                    return;
                }
                text.ifPresent(t -> taken.put(output, t));
            }
        }
    }

    /** The task passed: its pictures go to {@code previews} for its readers, and no later one is kept. */
    synchronized void sharePassed(InputPreviews previews) {
        finished = true;
        taken.forEach(previews::offer);
        taken.clear();
    }
}
