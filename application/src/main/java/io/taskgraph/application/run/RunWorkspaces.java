package io.taskgraph.application.run;

import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.run.RunSummary;
import java.util.function.Consumer;

/**
 * The {@link RunWorkspace} use case as the composition root wired it, for a caller that starts many runs (the web
 * app): each call runs on a fresh use case with its own listener, its own spec output and its own model client,
 * released when the run ends. The adapters behind it (spec loader, SQL engine, live, recording or replaying model)
 * are the same ones the {@code run} command uses. Thread-safe: runs may go on at the same time.
 */
public interface RunWorkspaces {
    /**
     * Throws the {@link io.taskgraph.domain.TaskgraphException} that would stop any run before it starts as the
     * runs are set up (no API key, an unreadable recording); returns quietly when runs can start.
     */
    void checkReady();

    /**
     * Carries out {@code request} to its end, reporting to {@code listener}; each line the spec prints goes to
     * {@code specOutput}. Errors that stop the run before its tasks start are thrown as the use case throws them.
     * When the model's answers are replayed, the run is marked as a replay whatever {@code request} says.
     */
    RunSummary run(RunRequest request, RunListener listener, Consumer<String> specOutput, RunControl control);
}
