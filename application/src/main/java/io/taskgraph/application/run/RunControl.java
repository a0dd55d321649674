package io.taskgraph.application.run;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lets a caller stop a running run (Ctrl-C in the CLI, a cancel button on the web page) from any thread, and lets
 * the run stop itself when no task can succeed any more ({@link #stop(RunStop)}, e.g. the model server refuses the
 * API key). Running tasks stop at their next step, statements in flight are cancelled, tasks not yet started are
 * not started; the run then records the interruption and leaves a valid workspace file. The first stop wins.
 */
public final class RunControl {
    /** Empty once cancelled by the user, the reason once stopped by the run itself; null while running. */
    private final AtomicReference<Optional<RunStop>> ended = new AtomicReference<>();
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    /** The user stops the run. */
    public void cancel() {
        end(Optional.empty());
    }

    /** The run stops itself because of {@code stop}, which every task outcome and the summary will name. */
    public void stop(RunStop stop) {
        end(Optional.of(Objects.requireNonNull(stop, "stop")));
    }

    private void end(Optional<RunStop> why) {
        if (ended.compareAndSet(null, why)) {
            for (Runnable hook : hooks) {
                hook.run();
            }
        }
    }

    public boolean isCancelled() {
        return ended.get() != null;
    }

    /** Why the run stopped itself; empty while it runs and when the user cancelled it. */
    public Optional<RunStop> stopped() {
        Optional<RunStop> why = ended.get();
        return why == null ? Optional.empty() : why;
    }

    /**
     * Runs {@code hook} when the run is cancelled (at once if it already is), until the returned handle
     * is closed. Used internally to cancel statements and wake waiting threads.
     */
    public Registration onCancel(Runnable hook) {
        hooks.add(hook);
        if (isCancelled()) {
            hook.run();
        }
        return () -> hooks.remove(hook);
    }

    /** A registered cancel hook; closing it unregisters the hook. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
