package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.contract.SqlEngineContract;
import java.time.Duration;

/** The DuckDB engine against the port contract, on real workspace files. */
class DuckDbEngineContractTest extends SqlEngineContract {
    @Override
    protected SqlEngine engine() {
        return new DuckDbEngine();
    }

    @Override
    protected SqlEngine engineWithStatementTimeout(Duration timeout) {
        return new DuckDbEngine(DuckDbSettings.defaults().withStatementTimeout(timeout));
    }
}
