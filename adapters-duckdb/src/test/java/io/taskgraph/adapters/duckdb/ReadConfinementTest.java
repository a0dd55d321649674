package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.sql.StatementResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Task {@code sandboxed} lists {@code base_view} and {@code orders} as inputs. Everything else is out of bounds: other
 * tasks' outputs and helpers, the input it does not list, the metadata tables, files (the workspace's own WAL
 * too) and the settings, however the read is dressed up. What it may read keeps working, and so does the catalog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadConfinementTest {
    private Path dir;
    private SandboxWorkspace sandbox;

    /** One workspace for every case: the refused ones change nothing, so they may share it. */
    @BeforeAll
    void open(@TempDir Path directory) {
        dir = directory;
        sandbox = new SandboxWorkspace(dir, DuckDbSettings.defaults());
    }

    @AfterAll
    void close() {
        sandbox.assertCleanForAStockDuckDb();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT * FROM secret_out",
        "SELECT * FROM SECRET_OUT",
        "SELECT * FROM \"Secret_Out\"",
        "SELECT * FROM main.secret_out",
        "SELECT * FROM out.main.secret_out",
        "SELECT * FROM \"out\".\"main\".\"secret_out\"",
        "FROM secret_out",
        "TABLE secret_out",
        "SUMMARIZE secret_out",
        "SUMMARIZE SELECT * FROM secret_out",
        "EXPLAIN SELECT * FROM secret_out",
        "EXPLAIN ANALYZE SELECT * FROM secret_out",
        "PIVOT secret_out ON region IN ('north', 'south') USING sum(amount)",
        "UNPIVOT secret_out ON amount INTO NAME k VALUE v",
        "SELECT (SELECT count(*) FROM secret_out) AS n",
        "SELECT * FROM orders WHERE amount IN (SELECT amount FROM secret_out)",
        "SELECT * FROM orders WHERE EXISTS (SELECT 1 FROM secret_out)",
        "SELECT * FROM orders o, LATERAL (SELECT * FROM secret_out s WHERE s.region = o.region) l",
        "SELECT region FROM orders UNION ALL SELECT region FROM secret_out",
        "SELECT * FROM (SELECT * FROM (SELECT * FROM secret_out))",
        "WITH s AS (SELECT * FROM secret_out) SELECT * FROM s",
        "WITH secret_out AS (SELECT * FROM secret_out) SELECT * FROM secret_out",
        "WITH base_view AS (SELECT * FROM secret_out) SELECT * FROM base_view",
        "WITH a AS (SELECT * FROM b), b AS (SELECT * FROM secret_out) SELECT * FROM a",
        "WITH RECURSIVE r AS (SELECT amount FROM secret_out UNION ALL SELECT amount - 1 FROM r WHERE amount > 0) "
                + "SELECT * FROM r",
        "SELECT list_transform([1], lambda x: (SELECT count(*) FROM secret_out)) AS l",
        "SELECT * FROM secret_helper",
        "SELECT * FROM secret_m()",
        "SELECT secret_f(amount) FROM orders",
        "SELECT * FROM customers",
        "SELECT * FROM _trace",
        "SELECT * FROM _task_meta",
        "SELECT * FROM _workspace_meta",
        "SELECT * FROM query_table('secret_out')",
        "SELECT * FROM query('SELECT * FROM secret_out')",
        "SELECT * FROM query_table(['base_view', 'secret_out'])",
        "CREATE VIEW sandboxed_leak AS SELECT * FROM secret_out",
        "CREATE VIEW sandboxed_report AS SELECT o.* FROM orders o JOIN secret_out s USING (region)",
        "CREATE MACRO sandboxed_m() AS TABLE SELECT * FROM secret_out",
        "CREATE MACRO sandboxed_f() AS (SELECT count(*) FROM secret_out)",
        "CREATE MACRO sandboxed_g(x) AS x, (x, y) AS (SELECT max(amount) FROM customers)",
        "CREATE TEMP VIEW sandboxed_tmp AS SELECT * FROM secret_out",
    })
    void aReadOfSomethingTheTaskDoesNotListIsRefusedAndSaysWhatItMayRead(String sql) {
        StatementResult result = sandbox.one("sandboxed", sql);

        assertFalse(result.success(), () -> sql + " -> " + result.toolJson());
        assertTrue(result.error().contains("Task 'sandboxed' may read its inputs base_view, orders; its own views and "
                + "macros") || result.error().contains("Table functions tasks may call")
                || result.error().contains("may call built-in functions and its own macros only (sandboxed_report or "
                + "names starting with sandboxed_)."), result.error());
        assertFalse(result.toolJson().contains("north"), "no rows came back: " + result.toolJson());
    }

    @Test
    void theRefusalNamesTheOwnerAndHowToDeclareTheInput() {
        StatementResult result = sandbox.one("sandboxed", "SELECT * FROM secret_out");

        assertEquals("Task 'sandboxed' may not read 'secret_out': it is an output of task 'secret'. If the task needs "
                + "it, add 'secret_out' to the task's \"inputs\" in the spec: an undeclared read would be a dependency "
                + "the scheduler and reruns cannot see. Task 'sandboxed' may read its inputs base_view, orders; its own "
                + "views and macros (sandboxed_report or names starting with sandboxed_); and the catalog (DESCRIBE "
                + "name, SHOW TABLES, information_schema, duckdb_tables(), duckdb_views(), duckdb_columns(), "
                + "duckdb_functions()).", result.error());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT * FROM read_text('{canary}')",
        "SELECT * FROM read_csv('{canary_csv}')",
        "SELECT * FROM '{canary_csv}'",
        "SELECT * FROM read_blob('{wal}')",
        "SELECT * FROM glob('*')",
        "SELECT * FROM read_duckdb('{wal}')",
        "SELECT current_setting('temp_directory') AS d",
        "SELECT current_setting('home_directory') AS d",
        "SELECT * FROM duckdb_settings()",
        "SELECT * FROM system.main.duckdb_settings()",
        "SELECT path FROM duckdb_databases()",
        "SELECT * FROM duckdb_databases",
        "SELECT * FROM pragma_database_list",
        "SELECT * FROM pg_settings",
        "SELECT * FROM pg_catalog.pg_settings",
        "SELECT * FROM duckdb_extensions()",
        "SELECT * FROM duckdb_temporary_files()",
        "SHOW DATABASES",
        "SELECT getvariable('x') AS v",
    })
    void filesAndSettingsAreOutOfReach(String sql) {
        StatementResult result = sandbox.one("sandboxed", sql);

        assertFalse(result.success(), () -> sql + " -> " + result.toolJson());
        assertFalse(result.toolJson().contains(sandbox.canary), result.toolJson());
        if (!sql.contains("{")) {
            assertFalse(result.toolJson().contains(dir.toString()), "no host path: " + result.toolJson());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT * FROM base_view",
        "SELECT * FROM BASE_VIEW",
        "FROM orders SELECT region, sum(amount) GROUP BY ALL",
        "TABLE orders",
        "SUMMARIZE orders",
        "DESCRIBE secret_out",
        "DESCRIBE SELECT * FROM secret_out",
        "SHOW secret_out",
        "SHOW TABLES",
        "SHOW ALL TABLES",
        "SELECT table_name FROM information_schema.tables ORDER BY 1",
        "SELECT * FROM information_schema.columns WHERE table_name = 'secret_out'",
        "SELECT view_name, sql FROM duckdb_views() WHERE NOT internal",
        "SELECT * FROM duckdb_tables()",
        "SELECT * FROM duckdb_columns() WHERE table_name = 'customers'",
        "SELECT function_name, macro_definition FROM duckdb_functions() WHERE NOT internal",
        "SELECT * FROM pragma_table_info('secret_out')",
        "SELECT count(*) FROM sqlite_master",
        "SELECT relname FROM pg_class",
        "WITH secret_out AS (SELECT 1 AS x) SELECT * FROM secret_out",
        "WITH customers AS (SELECT * FROM orders) SELECT count(*) FROM customers",
        "SELECT * FROM orders o, LATERAL (SELECT o.amount * 2 AS doubled) l",
        "PIVOT orders ON region IN ('north', 'south') USING sum(amount)",
        "EXPLAIN SELECT * FROM orders",
        "SELECT x FROM range(1000000000) t(x) LIMIT 3",
        "SELECT o.region, d.day FROM orders o, LATERAL generate_series(DATE '2024-01-01', DATE '2024-01-03', "
                + "INTERVAL 1 DAY) d(day)",
        "SELECT unnest(range(3)) AS i",
        "SELECT lpad(CAST(amount AS VARCHAR), 5, '0') AS padded, repeat('-', 10) AS rule, printf('%05d', amount) AS p, "
                + "format('{:>6}', region) AS f FROM orders",
        "SELECT list_value(1, 2) AS l, list_transform([1, 2], lambda x: x + 1) AS t, [x * 2 FOR x IN [1, 2]] AS c",
        "SELECT count(*) FILTER (WHERE amount > 5), row_number() OVER (ORDER BY amount) FROM orders GROUP BY amount",
    })
    void whatTheTaskMayReadStillWorks(String sql) {
        StatementResult result = sandbox.one("sandboxed", sql);

        assertTrue(result.success(), () -> sql + " -> " + result.toolJson());
    }

    @Test
    void aTaskBuildsOnItsInputsWithViewsAndMacrosOfItsOwn() {
        List<StatementResult> results = sandbox.run("sandboxed",
                "CREATE MACRO sandboxed_double(x) AS x * 2",
                "CREATE MACRO sandboxed_rows(n := 3) AS TABLE SELECT * FROM range(n) t(i)",
                "CREATE VIEW sandboxed_base AS SELECT region, sandboxed_double(amount) AS amount FROM base_view",
                "CREATE OR REPLACE VIEW sandboxed_report AS SELECT b.region, b.amount, r.i FROM sandboxed_base b, "
                        + "sandboxed_rows() r",
                "SELECT count(*) AS n FROM sandboxed_report");

        for (StatementResult result : results) {
            assertTrue(result.success(), result.toolJson());
        }
        assertEquals(List.of(List.of(6L)), Fixtures.json(results.get(4)).get("rows"));
    }

    @Test
    void validationQueriesOfTheApplicationAreNotConfined() {
        try (var session = sandbox.workspace().openTaskSession("sandboxed", sandbox.namespaces.namespace("sandboxed"))) {
            assertEquals(List.of(List.of(2L)), session.query("SELECT count(*) FROM secret_out").rows());
            assertTrue(session.describe("customers").isPresent());
        }
    }
}
