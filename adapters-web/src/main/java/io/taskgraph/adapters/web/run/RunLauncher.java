package io.taskgraph.adapters.web.run;

import io.taskgraph.application.run.RunCancelledException;
import io.taskgraph.application.run.RunWorkspaces;
import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.TaskgraphException;
import io.taskgraph.domain.run.RunSummary;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs web runs in the background, up to a fixed number at once (the rest wait their turn, queued).
 * Whatever happens inside a run ends as its {@code done} and {@code result} events: never as a lost thread.
 * Once a run's thread is done with it, {@code ended} hears of it exactly once.
 */
final class RunLauncher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RunLauncher.class.getName());
    /** How long a stopping server lets cancelled runs record their interruption. */
    static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(15);

    private final RunWorkspaces runs;
    private final RunOutputs outputs;
    private final Consumer<WebRun> ended;
    private final ExecutorService executor;
    /** Runs launched and not yet ended, queued or running. */
    private final Set<WebRun> active = ConcurrentHashMap.newKeySet();

    RunLauncher(RunWorkspaces runs, RunOutputs outputs, int maxConcurrentRuns, Consumer<WebRun> ended) {
        this.runs = runs;
        this.outputs = outputs;
        this.ended = ended;
        this.executor = Executors.newFixedThreadPool(maxConcurrentRuns, threads());
    }

    void launch(WebRun run, RunOrder order) {
        active.add(run);
        executor.execute(() -> execute(run, order));
    }

    /** Stops a run: a queued one ends at once, a running one at its next step. */
    void cancel(WebRun run) {
        run.control().cancel();
        if (run.state() == RunState.QUEUED) {
            run.fail(RunState.INTERRUPTED, "The run was cancelled before it started.");
        }
    }

    private void execute(WebRun run, RunOrder order) {
        try {
            if (run.control().isCancelled() || run.journal().finished()) {
                active.remove(run);
                run.fail(RunState.INTERRUPTED, "The run was cancelled before it started.");
                return;
            }
            carryOut(run, order);
        } finally {
            ended.accept(run);
        }
    }

    private void carryOut(WebRun run, RunOrder order) {
        run.started("Starting run " + run.id() + ": spec " + order.spec().module() + ", model " + order.model()
                + ", reasoning effort " + order.effort().wire());
        try {
            RunSummary summary = runs.run(order.request(), run.listener(), run::specOutput, run.control());
            run.complete(summary, views(order));
        } catch (RunCancelledException e) {
            run.fail(RunState.INTERRUPTED, "The run was cancelled before any task started; nothing was kept.");
        } catch (TaskgraphException e) {
            run.fail(RunState.ERROR, RunState.exitCode(e.category()), e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "Run " + run.id() + " failed unexpectedly", e);
            run.fail(RunState.ERROR, RunState.exitCode(ErrorCategory.INTERNAL), "Internal error ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); the server's log has the details.");
        } finally {
            active.remove(run);
            if (!run.journal().finished()) {
                run.fail(RunState.INTERRUPTED, "The run stopped before it finished.");
            }
        }
    }

    /** The views of a finished workspace, for the page's previews; none if the file cannot be read. */
    private List<String> views(RunOrder order) {
        if (!java.nio.file.Files.isRegularFile(order.output())) {
            return List.of();
        }
        try {
            return outputs.views(order.output());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot list the views of " + order.output(), e);
            return List.of();
        }
    }

    /**
     * Cancels running runs (they end as interrupted, their workspace files valid), ends queued ones the same
     * way, and waits briefly for the running ones to record it.
     */
    @Override
    public void close() {
        for (WebRun run : active) {
            run.control().cancel();
            if (run.state() == RunState.QUEUED) {
                run.fail(RunState.INTERRUPTED, "The server stopped before this run started.");
            }
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "Some runs did not stop within " + STOP_GRACE.toSeconds()
                        + " s of the server stopping; interrupting them.");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "taskgraph-web-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
