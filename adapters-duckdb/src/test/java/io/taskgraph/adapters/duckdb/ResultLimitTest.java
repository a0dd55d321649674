package io.taskgraph.adapters.duckdb;

import static io.taskgraph.adapters.duckdb.Fixtures.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.StatementResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results whose JSON passes 30,000 characters are refused, after reading only as many rows as it took. */
class ResultLimitTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private TaskSession session;

    @BeforeEach
    void open() {
        workspace = Fixtures.ordersWorkspace(new DuckDbEngine(), dir);
        session = workspace.openTaskSession("sales", SALES);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void aResultJustUnderTheLimitIsReturnedWhole() {
        // Each row is ["xxxx...",] : 100 characters of text + 5 of JSON; the envelope adds about 60.
        StatementResult result = session.execute("SELECT repeat('x', 100) AS pad FROM range(280)");

        assertTrue(result.success(), result.error());
        assertEquals(280, result.rowCount());
        assertTrue(result.toolJson().length() <= 30_000, "length " + result.toolJson().length());
        assertTrue(result.toolJson().endsWith(",\"row_count\":280}"), result.toolJson());
    }

    @Test
    void aResultOverTheLimitIsRefusedWithAdvice() {
        StatementResult result = session.execute("SELECT repeat('x', 100) AS pad FROM range(300)");

        assertFalse(result.success());
        assertEquals("The result is too large to return: its JSON passed 30000 characters after 286 rows, so it was "
                + "not sent. Add LIMIT (e.g. LIMIT 50), select fewer columns, or aggregate to narrow the query.",
                result.error());
        assertEquals("{\"success\":false,\"error\":" + io.taskgraph.domain.json.Json.quote(result.error()) + "}",
                result.toolJson());
    }

    @Test
    void aHugeResultIsAbandonedAfterItsFirstRowsInsteadOfBeingRead() {
        long started = System.nanoTime();
        StatementResult result = session.execute("SELECT x, x * 2 AS y, 'row ' || x AS label FROM range(200000000) t(x)");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        session.close();

        assertFalse(result.success());
        List<List<Object>> traced = workspace.query("SELECT row_count FROM _trace").rows();
        long rowsRead = (Long) traced.get(0).get(0);
        assertTrue(rowsRead > 100 && rowsRead < 2_000, "rows read before refusing: " + rowsRead);
        // Materialising 200 million rows takes minutes; streaming stops at once (generous bound for a busy CI).
        assertTrue(tookMs < 20_000, "took " + tookMs + " ms");
    }

    @Test
    void theLimitIsASetting() {
        Workspace small = new DuckDbEngine(DuckDbSettings.defaults().withResultLimitChars(200))
                .create(dir.resolve("small.db"), false);
        try (TaskSession tight = small.openTaskSession("sales", SALES)) {
            assertTrue(tight.execute("SELECT 1 AS one").success());
            StatementResult refused = tight.execute("SELECT repeat('x', 300) AS pad");
            assertTrue(refused.error().contains("passed 200 characters after 1 row,"), refused.error());
        } finally {
            small.close();
        }
    }
}
