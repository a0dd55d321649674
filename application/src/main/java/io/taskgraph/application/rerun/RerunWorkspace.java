package io.taskgraph.application.rerun;

import io.taskgraph.application.run.RunControl;
import io.taskgraph.domain.port.LlmClient;
import io.taskgraph.domain.port.RunListener;
import io.taskgraph.domain.port.SpecLoader;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.run.RunSummary;
import java.time.Clock;

/**
 * The {@code rerun} use case: copy a previous workspace, check that the spec still fits it (git commit,
 * structural fingerprint), optionally re-ingest, then reuse or re-run each task according to the mode.
 */
public final class RerunWorkspace {
    private final SpecLoader specs;
    private final SqlEngine engine;
    private final LlmClient llm;
    private final RunListener listener;
    private final Clock clock;

    public RerunWorkspace(SpecLoader specs, SqlEngine engine, LlmClient llm, RunListener listener, Clock clock) {
        this.specs = specs;
        this.engine = engine;
        this.llm = llm;
        this.listener = listener;
        this.clock = clock;
    }

    public RunSummary rerun(RerunRequest request, RunControl control) {
        throw new UnsupportedOperationException("being implemented on the application branch");
    }
}
