package io.taskgraph.adapters.duckdb;

import static io.taskgraph.adapters.duckdb.Fixtures.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.StatementKind;
import io.taskgraph.domain.sql.StatementPolicy;
import io.taskgraph.domain.sql.StatementResult;
import io.taskgraph.domain.sql.StatementVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine's own guard, with the statement policy bypassed: a stand-in policy lets every statement through
 * under the class the test names, as a policy with a bug would, and the statement-level read rules are off. The
 * transaction, the return-type check, the catalog comparison and the locked-down database must still keep
 * everything outside the namespace unchanged.
 */
class CatalogGuardTest {
    @TempDir
    Path dir;
    private Workspace workspace;

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    /** A session of task "sales" whose "policy" allows everything as {@code kind}; other tasks get the real one. */
    private TaskSession sessionAllowingEverythingAs(StatementKind kind) {
        // The read rules would refuse most of these statements first (they cannot be parsed as queries): off.
        DuckDbSettings lenient = DuckDbSettings.defaults().withPolicy((sql, namespace) -> namespace.task().equals("sales")
                ? new StatementVerdict.Allowed(kind, "sales_summary")
                : StatementPolicy.evaluate(sql, namespace))
                .withLayers(java.util.EnumSet.of(SandboxLayer.STORED_DEFINITIONS, SandboxLayer.REBIND_DEPENDENTS));
        workspace = Fixtures.ordersWorkspace(new DuckDbEngine(lenient), dir);
        try (TaskSession costs = workspace.openTaskSession("costs", Fixtures.COSTS)) {
            assertTrue(costs.execute("CREATE VIEW costs_summary AS SELECT sum(amount) AS total FROM orders").success());
        }
        return workspace.openTaskSession("sales", SALES);
    }

    @ParameterizedTest(name = "{1} as {0}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE_VIEW  | CREATE TABLE sales_t (x INTEGER)                        | created table
            CREATE_VIEW  | CREATE SCHEMA sales_schema                              | created schema
            CREATE_VIEW  | ALTER TABLE orders ADD COLUMN sales_note VARCHAR        | replaced table
            CREATE_VIEW  | ALTER VIEW costs_summary RENAME TO sales_summary        | dropped view
            CREATE_VIEW  | CREATE VIEW costs_other AS SELECT 1 AS x                | created view
            CREATE_VIEW  | CREATE OR REPLACE VIEW costs_summary AS SELECT 1 AS x   | replaced view
            DROP_VIEW    | DROP VIEW costs_summary                                 | dropped view
            CREATE_VIEW  | CREATE TEMP VIEW costs_scratch AS SELECT 1 AS x         | created view temp.main.costs_scratch
            CREATE_VIEW  | ATTACH ':memory:' AS sales_db                           | created database sales_db
            CREATE_MACRO | CREATE MACRO costs_triple(x) AS x * 3                   | created macro
            CREATE_MACRO | CREATE SEQUENCE sales_seq                               | created sequence
            CREATE_MACRO | CREATE TYPE sales_mood AS ENUM ('ok', 'sad')            | created type
            CREATE_MACRO | CREATE INDEX sales_idx ON orders (amount)               | created index
            CREATE_MACRO | CREATE MACRO sales_x.main.f(x) AS x                     | Catalog Error
            DROP_VIEW    | DROP TABLE orders                                       | dropped table
            """)
    void aChangeOutsideTheNamespaceIsRolledBack(StatementKind kind, String sql, String expected) {
        TaskSession session = sessionAllowingEverythingAs(kind);

        StatementResult result = session.execute(sql);

        assertFalse(result.success(), () -> sql + " -> " + result.toolJson());
        assertTrue(result.error().contains(expected), result.error());
        assertUnchanged();
    }

    @ParameterizedTest(name = "{1} as {0}")
    @CsvSource(delimiter = '|', textBlock = """
            CREATE_VIEW  | CREATE TABLE sales_t AS SELECT 1 AS x           | changes rows of a table
            CREATE_VIEW  | INSERT INTO orders VALUES (3, 'west', 99)       | changes rows of a table
            CREATE_VIEW  | UPDATE orders SET amount = 0                    | changes rows of a table
            CREATE_VIEW  | DELETE FROM orders                              | changes rows of a table
            CREATE_VIEW  | SELECT 1                                        | returns rows
            QUERY        | INSERT INTO orders VALUES (3, 'west', 99)       | read-only
            QUERY        | DELETE FROM orders                              | read-only
            QUERY        | CREATE VIEW sales_summary AS SELECT 1 AS x      | read-only
            QUERY        | DROP VIEW costs_summary                         | read-only
            QUERY        | SET threads = 1                                 | locked
            QUERY        | SET VARIABLE sales_x = 1                        | returns no rows
            QUERY        | ATTACH ':memory:' AS sales_db                   | returns no rows
            QUERY        | UPDATE orders SET amount = 0 RETURNING *        | read-only
            QUERY        | DELETE FROM orders RETURNING *                  | read-only
            """)
    void aStatementOfAnotherClassThanClaimedIsRefusedAndUndone(StatementKind kind, String sql,
                                                                              String expected) {
        TaskSession session = sessionAllowingEverythingAs(kind);

        StatementResult result = session.execute(sql);

        assertFalse(result.success(), () -> sql + " -> " + result.toolJson());
        assertTrue(result.error().contains(expected), result.error());
        assertUnchanged();
    }

    /**
     * A statement classified as a view statement is checked against a smaller snapshot (tables, views, schemas,
     * databases); whatever else it really created changed no view, so nothing is kept.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "CREATE MACRO costs_triple(x) AS x * 3",
        "CREATE SEQUENCE sales_seq",
        "CREATE TYPE sales_mood AS ENUM ('ok', 'sad')",
        "CREATE INDEX sales_idx ON orders (amount)",
        "ALTER TABLE orders RENAME COLUMN amount TO sales_amount",
    })
    void anotherObjectPassedOffAsAViewIsNotKept(String sql) {
        TaskSession session = sessionAllowingEverythingAs(StatementKind.CREATE_VIEW);

        StatementResult result = session.execute(sql);

        assertEquals(List.of(), result.changedObjects());
        assertFalse(result.success() && !result.toolJson().contains("changed nothing"), result.toolJson());
        assertUnchanged();
    }

    @Test
    void multiStatementTextNeverReachesTheDriverEvenWhenThePolicyMissesIt() {
        TaskSession session = sessionAllowingEverythingAs(StatementKind.QUERY);

        StatementResult result = session.execute("DROP VIEW costs_summary; SELECT 1");

        assertFalse(result.success());
        assertTrue(result.error().contains("Only one statement per call"), result.error());
        assertUnchanged();
    }

    @Test
    void filesStayOutOfReachEvenWhenThePolicyLetsTheStatementThrough() {
        TaskSession query = sessionAllowingEverythingAs(StatementKind.QUERY);
        Path leak = dir.resolve("leak.csv");

        for (String sql : List.of("SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM read_text('/etc/passwd')",
                "SELECT * FROM glob('/etc/*')", "COPY (SELECT * FROM orders) TO '" + leak + "'",
                "COPY orders TO '" + leak + "'", "ATTACH '" + dir.resolve("other.db") + "' AS other")) {
            StatementResult result = query.execute(sql);
            assertFalse(result.success(), () -> sql + " -> " + result.toolJson());
            assertFalse(result.toolJson().contains("root:"), result.toolJson());
        }
        assertFalse(Files.exists(leak));
        assertFalse(Files.exists(dir.resolve("other.db")));
    }

    @Test
    void theWorkspacesOwnConnectionIsLockedDownToo() {
        sessionAllowingEverythingAs(StatementKind.QUERY);
        Path leak = dir.resolve("leak.csv");

        for (String sql : List.of("SELECT * FROM read_csv('/etc/passwd')", "COPY orders TO '" + leak + "'",
                "ATTACH '" + dir.resolve("other.db") + "' AS other", "SET enable_external_access = true",
                "SET lock_configuration = false", "INSTALL httpfs", "LOAD httpfs")) {
            io.taskgraph.domain.sql.SqlFailure failure = org.junit.jupiter.api.Assertions.assertThrows(
                    io.taskgraph.domain.sql.SqlFailure.class, () -> workspace.query(sql), sql);
            assertTrue(failure.getMessage().contains("Permission") || failure.getMessage().contains("locked")
                    || failure.getMessage().contains("disabled"), sql + " -> " + failure.getMessage());
        }
        assertFalse(Files.exists(leak));
        assertFalse(Files.exists(dir.resolve("other.db")));
    }

    private void assertUnchanged() {
        assertEquals(List.of("costs_summary"), workspace.views());
        assertEquals(List.of("orders"), workspace.inputTables());
        assertEquals(List.of(List.of(1, "north", 10L), List.of(2, "south", 32L)),
                workspace.query("SELECT * FROM orders ORDER BY _row_id").rows());
        assertEquals(List.of("_row_id", "region", "amount"), workspace.describe("orders").orElseThrow().columnNames());
        assertEquals(List.of(), workspace.query("SELECT function_name FROM duckdb_functions() WHERE NOT internal").rows());
        assertEquals(List.of(List.of("out"), List.of("system"), List.of("temp")),
                workspace.query("SELECT database_name FROM duckdb_databases() ORDER BY 1").rows());
        assertEquals(List.of(List.of(0L)), workspace.query(
                "SELECT count(*) FROM duckdb_schemas() WHERE schema_name NOT IN ('main', 'pg_catalog', 'information_schema')")
                .rows());
        assertEquals(List.of(List.of(0L)), workspace.query("SELECT count(*) FROM duckdb_sequences()").rows());
        assertEquals(List.of(List.of(0L)), workspace.query("SELECT count(*) FROM duckdb_indexes()").rows());
        assertEquals(List.of(List.of(0L)), workspace.query("SELECT count(*) FROM duckdb_types() WHERE NOT internal").rows());
    }
}
