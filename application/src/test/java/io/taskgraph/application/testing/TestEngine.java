package io.taskgraph.application.testing;

import io.taskgraph.adapters.duckdb.DuckDbEngine;
import io.taskgraph.adapters.xlsx.XlsxWorkbookReader;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.WorkbookReader;

/**
 * The real DuckDB engine and workbook reader (test-scoped dependencies): application tests run on real workspace
 * files and real workbooks.
 */
public final class TestEngine {
    private TestEngine() {
    }

    public static SqlEngine duckdb() {
        return new DuckDbEngine();
    }

    public static WorkbookReader workbooks() {
        return new XlsxWorkbookReader();
    }
}
