package io.taskgraph.application.run;

import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SpecRequest;
import io.taskgraph.domain.port.SpecSession;
import io.taskgraph.domain.port.Workspace;

/**
 * What a run does to its new workspace before the first task starts: record what the run is, ingest, check the
 * inputs. Until a task starts the file holds nothing worth keeping, so when one of these steps fails (a missing
 * input file, failed input validation, a loader that raises) or the run is cancelled, the file is discarded: after
 * fixing the spec, the same output path can be used again at once, without {@code -f}. Once a task has started, a
 * run that fails or is interrupted keeps its file, marked as such, so a rerun can continue from it.
 */
public final class BeforeTheTasks {
    private BeforeTheTasks() {
    }

    /**
     * Opens the run's spec. Cancelling the run stops the spec's process ({@link SpecLoader#stop()}), so an import
     * that never ends does not hold the run: it ends as a {@link RunCancelledException}, as does a cancelled run.
     */
    public static SpecSession open(SpecLoader specs, SpecRequest request, RunControl control) {
        if (control.isCancelled()) {
            throw new RunCancelledException(null);
        }
        try {
            return specs.open(request);
        } catch (RuntimeException e) {
            throw control.isCancelled() ? new RunCancelledException(e) : e;
        }
    }

    /**
     * Runs {@code steps} on the fresh {@code workspace}; discards it and throws when they fail (a
     * {@link RunCancelledException} when the run was cancelled meanwhile) or when the run is cancelled.
     */
    public static void prepare(Workspace workspace, RunControl control, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException e) {
            workspace.discard();
            throw control.isCancelled() ? new RunCancelledException(e) : e;
        }
        if (control.isCancelled()) {
            workspace.discard();
            throw new RunCancelledException(null);
        }
    }
}
