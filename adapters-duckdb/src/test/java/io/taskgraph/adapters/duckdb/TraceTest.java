package io.taskgraph.adapters.duckdb;

import static io.taskgraph.adapters.duckdb.Fixtures.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.StatementPolicy;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code _trace} records, and when it can be read. */
class TraceTest {
    @TempDir
    Path dir;

    @Test
    void aStatementIsReadableInTheTraceAsSoonAsItReturned() {
        try (Workspace workspace = Fixtures.ordersWorkspace(new DuckDbEngine(), dir);
             TaskSession session = workspace.openTaskSession("sales", SALES)) {
            LocalDateTime before = LocalDateTime.now().withNano(0);
            session.execute("SELECT * FROM orders");
            session.execute("CREATE VIEW sales_summary AS SELECT 1 AS x");

            List<List<Object>> rows = workspace.query("SELECT id, task, query, success, error, row_count, "
                    + "elapsed_ms > 0, timestamp >= ?::TIMESTAMP FROM _trace ORDER BY id", List.of(before.toString())).rows();

            assertEquals(List.of(
                    Arrays.asList(1L, "sales", "SELECT * FROM orders", true, null, 2L, true, true),
                    Arrays.asList(2L, "sales", "CREATE VIEW sales_summary AS SELECT 1 AS x", true, null, null, true, true)),
                    rows);
        }
    }

    @Test
    void aStatementThatBreaksTheEngineIsTracedBeforeTheFailureIsThrown() {
        DuckDbSettings broken = DuckDbSettings.defaults().withPolicy((sql, namespace) -> {
            if (sql.contains("boom")) {
                throw new IllegalStateException("the policy broke");
            }
            return StatementPolicy.evaluate(sql, namespace);
        });
        try (Workspace workspace = Fixtures.ordersWorkspace(new DuckDbEngine(broken), dir)) {
            try (TaskSession session = workspace.openTaskSession("sales", SALES)) {
                IllegalStateException failure = assertThrows(IllegalStateException.class,
                        () -> session.execute("SELECT 'boom'"));
                assertEquals("the policy broke", failure.getMessage());
                assertTrue(session.execute("SELECT 1 AS one").success());
            }
            assertEquals(List.of(List.of("SELECT 'boom'", false, "internal error: the policy broke"),
                    Arrays.asList("SELECT 1 AS one", true, null)),
                    workspace.query("SELECT query, success, error FROM _trace ORDER BY id").rows());
        }
    }

    @Test
    void theTraceKeepsEveryStatementOfManyTasksInTheOrderTheyRan() throws Exception {
        try (Workspace workspace = Fixtures.ordersWorkspace(new DuckDbEngine(), dir)) {
            Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.length; t++) {
                String task = "t" + t;
                TaskSession session = workspace.openTaskSession(task, new io.taskgraph.domain.sql.Namespace(task, List.of()));
                threads[t] = new Thread(() -> {
                    try (session) {
                        for (int i = 0; i < 50; i++) {
                            session.execute("SELECT " + i + " AS step");
                        }
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(List.of(200L, 200L, 1L, 200L)), workspace.query(
                    "SELECT count(*), count(DISTINCT id), min(id), max(id) FROM _trace").rows());
            for (int t = 0; t < threads.length; t++) {
                List<List<Object>> steps = workspace.query(
                        "SELECT query FROM _trace WHERE task = ? ORDER BY id", List.of("t" + t)).rows();
                assertEquals(50, steps.size());
                for (int i = 0; i < 50; i++) {
                    assertEquals("SELECT " + i + " AS step", steps.get(i).get(0));
                }
            }
        }
    }
}
