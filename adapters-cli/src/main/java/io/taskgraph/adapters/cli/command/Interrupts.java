package io.taskgraph.adapters.cli.command;

import io.taskgraph.adapters.cli.ExitCodes;
import io.taskgraph.application.run.RunControl;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a run: the first press cancels the run (running agents stop, the metadata records the
 * interruption, the workspace stays valid; before any task started, the spec's process is stopped and nothing is
 * kept) and the command exits 130 once it has wound down; a second press quits at once. SIGTERM (and any other JVM shutdown) also cancels and waits a while for the run to settle.
 */
final class Interrupts implements AutoCloseable {
    private static final long SHUTDOWN_GRACE_SECONDS = 30;

    private final RunControl control;
    private final Consumer<String> say;
    private final BooleanSupplier tasksStarted;
    private final AtomicInteger presses = new AtomicInteger();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread shutdownHook;
    private SignalHandler previous;

    private Interrupts(RunControl control, Consumer<String> say, BooleanSupplier tasksStarted) {
        this.control = control;
        this.say = say;
        this.tasksStarted = tasksStarted;
        this.shutdownHook = new Thread(this::onShutdown, "taskgraph-shutdown");
    }

    /** {@code tasksStarted} tells whether the run has started a task, so a workspace will be kept. */
    static Interrupts install(RunControl control, Consumer<String> say, BooleanSupplier tasksStarted) {
        Interrupts interrupts = new Interrupts(control, say, tasksStarted);
        try {
            interrupts.previous = Signal.handle(new Signal("INT"), signal -> interrupts.onCtrlC());
        } catch (IllegalArgumentException e) {
            interrupts.previous = null; // no SIGINT on this platform/JVM: the shutdown hook still cancels
        }
        Runtime.getRuntime().addShutdownHook(interrupts.shutdownHook);
        return interrupts;
    }

    private void onCtrlC() {
        if (presses.incrementAndGet() == 1) {
            say.accept(tasksStarted.getAsBoolean()
                    ? "Stopping: cancelling running tasks and saving the workspace (Ctrl-C again to quit at once)."
                    : "Stopping: no task has started, so nothing will be kept (Ctrl-C again to quit at once).");
            control.cancel();
        } else {
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
    }

    private void onShutdown() {
        if (finished.getCount() == 0) {
            return;
        }
        control.cancel();
        try {
            finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean interrupted() {
        return presses.get() > 0 || control.isCancelled();
    }

    /** The run has wound down and been reported: restore the default Ctrl-C and let a shutdown proceed. */
    @Override
    public void close() {
        finished.countDown();
        if (previous != null) {
            Signal.handle(new Signal("INT"), previous);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook sees the latch released and returns
        }
    }
}
