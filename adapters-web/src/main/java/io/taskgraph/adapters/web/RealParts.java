package io.taskgraph.adapters.web;

import io.taskgraph.adapters.duckdb.DuckDbEngine;
import io.taskgraph.domain.port.SqlEngine;
import java.time.Clock;

/** The real pipeline behind {@link WebServer#start(WebConfig)}: DuckDB workspaces and {@link PipelineRunEngine}. */
final class RealParts {
    private RealParts() {
    }

    static WebServer.Parts of(WebConfig config) {
        SqlEngine sql = new DuckDbEngine();
        return new WebServer.Parts(new PipelineRunEngine(config, sql, Clock.systemUTC()), sql);
    }
}
