package io.taskgraph.adapters.duckdb;

import static io.taskgraph.adapters.duckdb.Fixtures.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.SqlFailure;
import io.taskgraph.domain.sql.StatementResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statements that run too long are cancelled, the agent is told why, and the session keeps working. */
class TimeoutAndCancelTest {
    private static final String ENDLESS = "SELECT count(*) FROM range(1000000000000) t(x) WHERE hash(x) % 7 = 3";

    @TempDir
    Path dir;
    private Workspace workspace;
    private TaskSession session;

    @BeforeEach
    void open() {
        workspace = Fixtures.ordersWorkspace(
                new DuckDbEngine(DuckDbSettings.defaults().withStatementTimeout(Duration.ofMillis(300))), dir);
        session = workspace.openTaskSession("sales", SALES);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void aTimedOutQueryTellsTheAgentHowToMakeItCheaper() {
        StatementResult result = session.execute(ENDLESS);

        assertFalse(result.success());
        assertEquals("The statement ran longer than 300 ms and was cancelled. Make it cheaper: filter early, "
                + "aggregate before joining, avoid cross joins and row-by-row subqueries, or add LIMIT.", result.error());
        assertEquals(Boolean.FALSE, Fixtures.json(result).get("success"));
    }

    @Test
    void theSessionRunsQueriesAndChangesAfterATimeout() {
        session.execute(ENDLESS);

        StatementResult query = session.execute("SELECT sum(amount) AS total FROM orders");
        StatementResult view = session.execute("CREATE VIEW sales_summary AS SELECT sum(amount) AS total FROM orders");

        assertEquals(List.of(List.of(42L)), Fixtures.json(query).get("rows"));
        assertTrue(view.success(), view.toolJson());
        assertEquals(List.of("sales_summary"), workspace.views());
    }

    @Test
    void theTraceRecordsTheTimeoutWithItsElapsedTime() {
        session.execute(ENDLESS);
        session.close();

        List<List<Object>> rows = workspace.query(
                "SELECT task, query, success, error LIKE 'The statement ran longer than 300 ms%', elapsed_ms >= 300 "
                        + "FROM _trace").rows();
        assertEquals(List.of(List.of("sales", ENDLESS, false, true, true)), rows);
    }

    @Test
    void aValidationQueryThatRunsTooLongFailsWithTheSameMessage() {
        SqlFailure failure = assertThrows(SqlFailure.class, () -> session.query(ENDLESS));

        assertTrue(failure.getMessage().startsWith("The statement ran longer than 300 ms"), failure.getMessage());
        assertEquals(List.of(List.of(2L)), session.query("SELECT count(*) FROM orders").rows());
    }

    @Test
    void cancelStopsAValidationQueryToo() throws Exception {
        Workspace patient = new DuckDbEngine().create(dir.resolve("patient.db"), false);
        try (TaskSession slow = patient.openTaskSession("sales", SALES)) {
            CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return slow.query(ENDLESS);
                } catch (SqlFailure e) {
                    return e;
                }
            });
            Thread.sleep(300);
            slow.cancel();

            assertTrue(running.get(20, TimeUnit.SECONDS) instanceof SqlFailure, "the query was stopped");
            assertEquals(List.of(List.of(1)), slow.query("SELECT 1 AS one").rows());
        } finally {
            patient.close();
        }
    }

    @Test
    void cancelStopsTheRunningStatementAndSaysTheRunIsStopping() throws Exception {
        Workspace patient = new DuckDbEngine().create(dir.resolve("patient.db"), false);
        try (TaskSession slow = patient.openTaskSession("sales", SALES)) {
            CompletableFuture<StatementResult> running = CompletableFuture.supplyAsync(() -> slow.execute(ENDLESS));
            Thread.sleep(300);
            slow.cancel();

            StatementResult result = running.get(20, TimeUnit.SECONDS);
            assertFalse(result.success());
            assertEquals("The statement was cancelled because the run is stopping.", result.error());
            assertTrue(slow.execute("SELECT 1 AS one").success());
        } finally {
            patient.close();
        }
    }
}
