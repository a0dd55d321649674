package io.taskgraph.adapters.web.run;

import io.taskgraph.application.run.RunControl;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.run.RunSummary;
import java.util.function.Consumer;

/** Carries out web runs; the real one is the application's run use case over the real adapters. */
public interface RunEngine {
    /**
     * Throws a {@link io.taskgraph.adapters.web.error.WebException} of kind UNAVAILABLE when runs cannot
     * start as the server is configured (e.g. no LLM API key), so the request fails before a run exists.
     */
    void checkReady();

    /**
     * Runs {@code order} to its end, reporting to {@code listener}; lines the spec itself prints go to
     * {@code specOutput} (the page's console). Throws a
     * {@link io.taskgraph.domain.TaskgraphException} when the run cannot be carried out (spec fails to load,
     * cycle, bad input data...). Stops early, returning an interrupted summary, when {@code control} is cancelled.
     */
    RunSummary run(RunOrder order, RunListener listener, Consumer<String> specOutput, RunControl control);
}
