package io.taskgraph.adapters.duckdb;

import static io.taskgraph.adapters.duckdb.Fixtures.COSTS;
import static io.taskgraph.adapters.duckdb.Fixtures.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.StatementResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agent statements through the whole guarded path with the real statement policy: what a task may do works,
 * and everything else is refused with a message, leaving the catalog, the data and the host's files as they were.
 */
class GuardedStatementsTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private TaskSession sales;

    @BeforeEach
    void openWorkspaceWithAnotherTasksView() {
        workspace = Fixtures.ordersWorkspace(new DuckDbEngine(), dir);
        try (TaskSession costs = workspace.openTaskSession("costs", COSTS)) {
            assertTrue(costs.execute("CREATE VIEW costs_summary AS SELECT sum(amount) AS total FROM orders").success());
            assertTrue(costs.execute("CREATE MACRO costs_double(x) AS x * 2").success());
        }
        sales = workspace.openTaskSession("sales", SALES);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "CREATE VIEW \"costs_summary2\" AS SELECT 1 AS x",
        "CREATE OR REPLACE VIEW \"costs_summary\" AS SELECT 1 AS x",
        "CREATE VIEW main.costs_x AS SELECT 1 AS x",
        "CREATE VIEW out.main.sales_x AS SELECT 1 AS x",
        "CREATE VIEW costs.sales_x AS SELECT 1 AS x",
        "CREATE VIEW /* sales_summary */ costs_x AS SELECT 1 AS x",
        "CREATE VIEW -- sales_summary\n costs_x AS SELECT 1 AS x",
        "CREATE VIEW costs_x /* AS SELECT */ AS SELECT 1 AS x",
        "DROP VIEW costs_summary",
        "DROP VIEW IF EXISTS \"costs_summary\"",
        "CREATE MACRO costs_triple(x) AS x * 3",
        "CREATE OR REPLACE MACRO costs_double(x) AS x * 20",
        "DROP MACRO costs_double",
        "CREATE TABLE sales_copy AS SELECT * FROM orders",
        "CREATE TABLE sales_t (x INTEGER)",
        "INSERT INTO orders VALUES ('west', 99, 3)",
        "UPDATE orders SET amount = 0",
        "DELETE FROM orders",
        "WITH x AS (DELETE FROM orders RETURNING *) SELECT * FROM x",
        "ALTER TABLE orders ADD COLUMN sales_note VARCHAR",
        "DROP TABLE orders",
        "CREATE SCHEMA sales_schema",
        "ATTACH ':memory:' AS sales_db",
        "ATTACH '/tmp/taskgraph-guard-test.db' AS sales_db",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET threads = 1",
        "SET enable_external_access = true",
        "RESET lock_configuration",
        "PRAGMA enable_profiling",
        "CHECKPOINT",
        "CALL pragma_version()",
        "BEGIN TRANSACTION",
    })
    void isRefusedAndChangesNothing(String sql) {
        StatementResult result = sales.execute(sql);

        assertFalse(result.success(), () -> sql + " -> " + result.toolJson());
        assertEquals(Boolean.FALSE, Fixtures.json(result).get("success"));
        assertFalse(result.error().isBlank());
        assertEquals(List.of(), result.changedObjects());
        assertCatalogAndDataUntouched();
    }

    /** Queries that succeed leave their read-only transaction open for the next statement, whatever it is. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "WITH x AS (DELETE FROM orders RETURNING *) SELECT * FROM x",
        "UPDATE orders SET amount = 0",
        "DROP VIEW costs_summary",
        "CREATE TABLE sales_copy AS SELECT * FROM orders",
        "CREATE MACRO costs_triple(x) AS x * 3",
        "BEGIN TRANSACTION",
        "CHECKPOINT",
    })
    void isRefusedAfterARunOfQueriesToo(String sql) {
        assertTrue(sales.execute("SELECT count(*) AS n FROM orders").success());
        assertTrue(sales.execute("SELECT region, sum(amount) AS total FROM orders GROUP BY region").success());

        StatementResult result = sales.execute(sql);

        assertFalse(result.success(), () -> sql + " -> " + result.toolJson());
        assertCatalogAndDataUntouched();
        assertTrue(sales.execute("SELECT count(*) AS n FROM orders").success());
    }

    @Test
    void queriesAroundTheTasksOwnChangesSeeThem() {
        assertTrue(sales.execute("SELECT count(*) AS n FROM orders").success());
        assertTrue(sales.execute("CREATE VIEW sales_summary AS SELECT region FROM orders").success());

        StatementResult created = sales.execute("SELECT count(*) AS n FROM sales_summary");
        assertTrue(sales.execute("DROP VIEW sales_summary").success());
        StatementResult dropped = sales.execute("SELECT count(*) AS n FROM sales_summary");

        assertTrue(created.success(), created.toolJson());
        assertFalse(dropped.success(), dropped.toolJson());
        assertTrue(dropped.error().contains("sales_summary"), dropped.error());
    }

    @Test
    void aFailedQueryLeavesTheNextOneWorking() {
        assertTrue(sales.execute("SELECT 1 AS x").success());

        StatementResult failed = sales.execute("SELECT * FROM no_such_table");
        StatementResult next = sales.execute("SELECT count(*) AS n FROM orders");

        assertFalse(failed.success());
        assertTrue(next.success(), next.toolJson());
    }

    @Test
    void multiStatementTextIsRefusedBeforeItsFirstStatementRuns() {
        StatementResult result = sales.execute("DROP VIEW costs_summary; SELECT 1");

        assertFalse(result.success());
        assertTrue(result.error().contains("Only one statement per call"), result.error());
        assertCatalogAndDataUntouched();
    }

    @Test
    void multiStatementTextWhoseFirstStatementIsAllowedIsRefusedToo() {
        StatementResult result = sales.execute("CREATE VIEW sales_summary AS SELECT 1 AS x;\nDROP VIEW costs_summary");

        assertFalse(result.success());
        assertCatalogAndDataUntouched();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM read_blob('/etc/passwd')",
        "SELECT * FROM glob('/etc/*')",
        "SELECT * FROM read_json_auto('/etc/passwd')",
        "SELECT * FROM '/etc/passwd'",
        "SELECT * FROM read_parquet('/etc/passwd')",
    })
    void readsOfTheHostsFilesFail(String sql) {
        StatementResult result = sales.execute(sql);

        assertFalse(result.success(), () -> sql + " -> " + result.toolJson());
        assertFalse(result.toolJson().contains("root:"), result.toolJson());
        assertFalse(result.toolJson().contains("passwd\"]"), result.toolJson());
    }

    @Test
    void copyToAFileIsRefusedAndWritesNothing() {
        Path leak = dir.resolve("leak.csv");

        StatementResult result = sales.execute("COPY orders TO '" + leak + "'");

        assertFalse(result.success());
        assertFalse(Files.exists(leak));
        StatementResult query = sales.execute("COPY (SELECT * FROM orders) TO '" + leak + "' (FORMAT csv)");
        assertFalse(query.success());
        assertFalse(Files.exists(leak));
    }

    @Test
    void quotedAndSchemaQualifiedNamesInsideTheNamespaceAreAllowed() {
        StatementResult quoted = sales.execute("CREATE VIEW \"sales_summary\" AS SELECT 1 AS x");
        StatementResult qualified = sales.execute("CREATE OR REPLACE VIEW main.sales_detail AS SELECT 2 AS y");

        assertTrue(quoted.success(), quoted.toolJson());
        assertEquals(List.of("sales_summary"), quoted.changedObjects());
        assertTrue(qualified.success(), qualified.toolJson());
        assertEquals(List.of("sales_detail"), qualified.changedObjects());
        assertEquals(List.of("costs_summary", "sales_detail", "sales_summary"), workspace.views());
    }

    @Test
    void macrosInsideTheNamespaceCanBeCreatedReplacedUsedAndDropped() {
        StatementResult created = sales.execute("CREATE MACRO sales_net(x) AS x * 0.8");
        assertTrue(created.success(), created.toolJson());
        assertEquals(List.of("sales_net"), created.changedObjects());
        assertTrue(created.toolJson().contains("Created macro sales_net"), created.toolJson());

        StatementResult replaced = sales.execute("CREATE OR REPLACE MACRO sales_net(x) AS x * 0.5");
        assertTrue(replaced.toolJson().contains("Replaced macro sales_net"), replaced.toolJson());

        StatementResult used = sales.execute("SELECT sales_net(amount) AS net FROM orders ORDER BY _row_id");
        assertEquals(List.of(List.of(5.0), List.of(16.0)), Fixtures.json(used).get("rows"));

        StatementResult dropped = sales.execute("DROP MACRO sales_net");
        assertTrue(dropped.success(), dropped.toolJson());
        assertEquals(List.of("sales_net"), dropped.changedObjects());
        assertCatalogAndDataUntouched();
    }

    @Test
    void aViewCanBeCreatedReplacedAndDroppedAndTheMessagesSaySo() {
        StatementResult created = sales.execute("CREATE VIEW sales_summary AS SELECT region FROM orders");
        StatementResult replaced = sales.execute("CREATE OR REPLACE VIEW sales_summary AS SELECT amount FROM orders");
        StatementResult unchanged = sales.execute("CREATE VIEW IF NOT EXISTS sales_summary AS SELECT 1 AS x");
        StatementResult dropped = sales.execute("DROP VIEW sales_summary");

        assertEquals("{\"success\":true,\"message\":\"Created view sales_summary.\"}", created.toolJson());
        assertEquals("{\"success\":true,\"message\":\"Replaced view sales_summary.\"}", replaced.toolJson());
        assertEquals("{\"success\":true,\"message\":\"The statement ran and changed nothing.\"}", unchanged.toolJson());
        assertEquals(List.of(), unchanged.changedObjects());
        assertEquals("{\"success\":true,\"message\":\"Dropped view sales_summary.\"}", dropped.toolJson());
        assertCatalogAndDataUntouched();
    }

    @Test
    void aDatabaseErrorReachesTheAgentWithItsHint() {
        StatementResult result = sales.execute("SELECT amout FROM orders");

        assertFalse(result.success());
        assertTrue(result.error().contains("amout"), result.error());
        assertTrue(result.error().contains("amount"), "DuckDB's did-you-mean hint is kept: " + result.error());
    }

    private void assertCatalogAndDataUntouched() {
        assertEquals(List.of("costs_summary"), workspace.views());
        assertEquals(List.of("orders"), workspace.inputTables());
        assertEquals(List.of(List.of(1, "north", 10L), List.of(2, "south", 32L)),
                workspace.query("SELECT * FROM orders ORDER BY _row_id").rows());
        assertEquals(List.of("_row_id", "region", "amount"), workspace.describe("orders").orElseThrow().columnNames());
        assertEquals(List.of(List.of("costs_double", "main", "out")), workspace.query(
                "SELECT function_name, schema_name, database_name FROM duckdb_functions() WHERE NOT internal").rows());
        assertEquals(List.of(List.of("out"), List.of("system"), List.of("temp")),
                workspace.query("SELECT database_name FROM duckdb_databases() ORDER BY 1").rows());
        assertEquals(List.of(List.of(0L)), workspace.query(
                "SELECT count(*) FROM duckdb_schemas() WHERE schema_name NOT IN ('main', 'pg_catalog', 'information_schema')")
                .rows());
        assertEquals(List.of(List.of(0L)), workspace.query("SELECT count(*) FROM duckdb_sequences()").rows());
        assertEquals(List.of(List.of(0L)), workspace.query("SELECT count(*) FROM duckdb_indexes()").rows());
    }
}
