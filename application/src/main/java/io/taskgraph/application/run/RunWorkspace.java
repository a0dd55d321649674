package io.taskgraph.application.run;

import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.run.RunSummary;
import java.time.Clock;

/**
 * The {@code run} use case: load the spec, check the task graph, create the workspace file, ingest and
 * validate the inputs, then run every task (greedy DAG) and the exports, recording metadata throughout.
 * Errors the user must fix (spec, graph, input validation, output file) are thrown before any model call.
 */
public final class RunWorkspace {
    private final SpecLoader specs;
    private final SqlEngine engine;
    private final LlmClient llm;
    private final RunListener listener;
    private final Clock clock;

    public RunWorkspace(SpecLoader specs, SqlEngine engine, LlmClient llm, RunListener listener, Clock clock) {
        this.specs = specs;
        this.engine = engine;
        this.llm = llm;
        this.listener = listener;
        this.clock = clock;
    }

    public RunSummary run(RunRequest request, RunControl control) {
        throw new UnsupportedOperationException("being implemented on the application branch");
    }
}
