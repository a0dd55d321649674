package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.StatementResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's session prepares the statements of its first query or change shortly after it opens, on the
 * workspace's timer thread, while the task waits for the model. That work must never show: not to a statement
 * running at the same moment, and not after the session closed.
 */
class PrepareAheadTest {
    @TempDir
    Path dir;

    @Test
    void aSessionPreparesItsFirstStatementsOnItsOwnSoonAfterItOpens() throws Exception {
        try (Workspace workspace = new DuckDbEngine().create(dir.resolve("out.db"), false);
             DuckDbTaskSession session = (DuckDbTaskSession) workspace.openTaskSession("t",
                     new Namespace("t", List.of("t_out")))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!session.isPreparedAhead() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(session.isPreparedAhead(), "prepared within 10 s of opening");

            StatementResult view = session.execute("CREATE VIEW t_out AS SELECT 1 AS n");
            StatementResult query = session.execute("SELECT n FROM t_out");
            assertTrue(view.success(), view.toolJson());
            assertTrue(query.success(), query.toolJson());
            assertEquals("{\"success\":true,\"columns\":[\"n\"],\"rows\":[[1]],\"row_count\":1}", query.toolJson());
        }
    }

    @Test
    void preparingAheadWhileTheSessionRunsStatementsChangesNoResult() throws Exception {
        try (Workspace workspace = new DuckDbEngine().create(dir.resolve("out.db"), false);
             DuckDbTaskSession session = (DuckDbTaskSession) workspace.openTaskSession("t",
                     new Namespace("t", List.of()))) {
            CompletableFuture<List<StatementResult>> statements = CompletableFuture.supplyAsync(() -> {
                List<StatementResult> results = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    results.add(session.execute("CREATE OR REPLACE VIEW t_v" + i + " AS SELECT " + i + " AS n"));
                    results.add(session.execute("SELECT n FROM t_v" + i));
                }
                return results;
            });
            while (!statements.isDone()) {
                session.prepareAhead();
            }
            for (StatementResult result : statements.get(60, TimeUnit.SECONDS)) {
                assertTrue(result.success(), result.toolJson());
            }
            assertEquals(20, workspace.views().size());
        }
    }

    @Test
    void aClosedSessionPreparesNothing() throws Exception {
        try (Workspace workspace = new DuckDbEngine().create(dir.resolve("out.db"), false)) {
            DuckDbTaskSession session = (DuckDbTaskSession) workspace.openTaskSession("t",
                    new Namespace("t", List.of()));
            session.close();

            session.prepareAhead();

            assertFalse(session.isPreparedAhead());
        }
    }
}
