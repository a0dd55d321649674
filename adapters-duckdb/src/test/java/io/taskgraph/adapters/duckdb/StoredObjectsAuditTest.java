package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.port.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace written by an older version, or edited by hand, may already hold views and macros that read outside
 * it. {@link Workspace#dropUnsafeObjects} finds them as a stock DuckDB would resolve them and drops them; everything
 * else stays as it was.
 */
class StoredObjectsAuditTest {
    @TempDir
    Path dir;

    @Test
    void unsafeObjectsLeftInAnOldFileAreDroppedAndTheRestIsKept() {
        SandboxWorkspace sandbox = new SandboxWorkspace(dir, DuckDbSettings.defaults());
        sandbox.close();
        Fixtures.plainDuckDb(sandbox.file,
                "CREATE MACRO bomb_src(p := '" + sandbox.canaryText + "') AS TABLE SELECT content FROM read_text(p)",
                "CREATE VIEW bomb_out AS SELECT content FROM bomb_src()",
                "CREATE VIEW settings_out AS SELECT current_setting('temp_directory') AS content",
                "CREATE MACRO read_csv_auto(x) AS TABLE SELECT 'shadow' AS content",
                "CREATE VIEW huge_out AS SELECT range(20000) AS l",
                "CREATE VIEW blob_out AS SELECT content FROM read_blob('" + sandbox.canaryText + "')",
                "CREATE VIEW fine_view AS SELECT region, amount * 2 AS doubled FROM orders",
                "CREATE MACRO fine_double(x) AS x * 2",
                "CREATE MACRO fine_rows() AS TABLE SELECT * FROM fine_view");
        Path copy = dir.resolve("copy.db");

        List<String> dropped;
        try (Workspace workspace = new DuckDbEngine().copy(sandbox.file, copy, false)) {
            workspace.restrictExternalAccess();
            dropped = workspace.dropUnsafeObjects();
            assertEquals(List.of(), workspace.dropUnsafeObjects(), "a second look finds nothing more");
        }

        assertEquals(5, dropped.size(), dropped.toString());
        assertEquals("Dropped the view blob_out from " + copy + ": it does not keep to the rules every stored view and "
                + "macro must keep (read only inside the workspace, build no unbounded value). In the body of the view: "
                + "read_blob() reads data by "
                + "name (files, globs or tables named by a string). Table functions tasks may call: range, "
                + "generate_series, unnest, repeat, repeat_row, json_each, json_tree, the catalog listings (duckdb_tables, "
                + "duckdb_views, duckdb_columns, duckdb_functions, pragma_table_info, ...) and the task's own table "
                + "macros.", dropped.get(0));
        assertTrue(dropped.get(1).startsWith("Dropped the view huge_out") && dropped.get(1).contains("more than 10,000"),
                dropped.get(1));
        assertTrue(dropped.get(2).startsWith("Dropped the view settings_out")
                && dropped.get(2).contains("current_setting() reveals"), dropped.get(2));
        assertTrue(dropped.get(3).startsWith("Dropped the macro bomb_src") && dropped.get(3).contains("read_text() "
                + "reads data by name"), dropped.get(3));
        assertTrue(dropped.get(4).startsWith("Dropped the macro read_csv_auto")
                && dropped.get(4).contains("is the name of a built-in function"), dropped.get(4));
        // bomb_out stays: without its macro it reads nothing, and a new bomb_src would be checked before it commits.
        assertTrue(StockDuckDb.viewDefinitions(copy).keySet().containsAll(List.of("bomb_out", "fine_view", "secret_out",
                "base_view", "down_table", "x_y_report", "secret_helper")), StockDuckDb.viewDefinitions(copy).toString());
        assertEquals(List.of(List.of(20)), StockDuckDb.rows(copy, "SELECT fine_double(10)"));
        assertEquals(2, StockDuckDb.rows(copy, "SELECT * FROM fine_rows()").size());
        for (String value : StockDuckDb.everythingItShows(copy)) {
            assertTrue(!value.contains(sandbox.canary) && !value.contains(dir.toString()), value);
        }
        assertTrue(StockDuckDb.everythingItShows(sandbox.file).stream().anyMatch(v -> v.contains(sandbox.canary)),
                "the source of the copy is never changed");
    }

    @Test
    void aWorkspaceThisVersionWroteHasNothingToDrop() {
        try (SandboxWorkspace sandbox = new SandboxWorkspace(dir, DuckDbSettings.defaults())) {
            sandbox.succeed("sales", "CREATE MACRO sales_rows(n := 2) AS TABLE SELECT * FROM range(n) t(i)",
                    "CREATE VIEW sales_summary AS SELECT * FROM sales_rows()");

            assertEquals(List.of(), sandbox.workspace().dropUnsafeObjects());
            assertTrue(sandbox.workspace().views().contains("sales_summary"));
        }
    }
}
