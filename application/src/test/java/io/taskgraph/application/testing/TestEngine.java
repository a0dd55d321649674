package io.taskgraph.application.testing;

import io.taskgraph.adapters.duckdb.DuckDbEngine;
import io.taskgraph.domain.port.SqlEngine;

/** The real DuckDB engine (a test-scoped dependency): application tests run on real workspace files. */
public final class TestEngine {
    private TestEngine() {
    }

    public static SqlEngine duckdb() {
        return new DuckDbEngine();
    }
}
