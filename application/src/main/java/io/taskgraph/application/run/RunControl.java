package io.taskgraph.application.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets a caller stop a running run (Ctrl-C in the CLI, a cancel button on the web page) from any thread.
 * Running tasks stop at their next step, statements in flight are cancelled, tasks not yet started
 * are not started; the run then records the interruption and leaves a valid workspace file.
 */
public final class RunControl {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            for (Runnable hook : hooks) {
                hook.run();
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Runs {@code hook} when the run is cancelled (at once if it already is), until the returned handle
     * is closed. Used internally to cancel statements and wake waiting threads.
     */
    public Registration onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled.get()) {
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
