package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.RelationInfo;
import io.taskgraph.domain.sql.StatementResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What describing a relation reports, on the workspace and in a task's session: the exact name in any case, the
 * kind, and the columns a query of it returns; a view that no longer binds by the columns DuckDB stored for it,
 * without disturbing the session.
 */
class DescribeTest {
    @TempDir
    Path dir;

    @Test
    void aTableAndAViewAreFoundInAnyCaseWithTheirColumnsInOrder() {
        try (SandboxWorkspace sandbox = new SandboxWorkspace(dir, DuckDbSettings.defaults())) {
            Workspace workspace = sandbox.workspace();
            assertEquals(new RelationInfo("orders", RelationInfo.Kind.TABLE, List.of(new Column("_row_id", "INTEGER"),
                    new Column("region", "VARCHAR"), new Column("amount", "BIGINT"))),
                    workspace.describe("ORDERS").orElseThrow());
            assertEquals(new RelationInfo("base_view", RelationInfo.Kind.VIEW, List.of(new Column("region", "VARCHAR"),
                    new Column("amount", "BIGINT"))), workspace.describe("Base_View").orElseThrow());
            assertEquals(Optional.empty(), workspace.describe("nothing_here"));
        }
    }

    @Test
    void aSessionsTemporaryViewIsNotTheWorkspacesRelation() {
        try (SandboxWorkspace sandbox = new SandboxWorkspace(dir, DuckDbSettings.defaults());
             TaskSession session = sandbox.workspace().openTaskSession("sales", sandbox.namespaces.namespace("sales"))) {
            StatementResult created = session.execute("CREATE TEMP VIEW sales_scratch AS SELECT 1 AS one");
            assertTrue(created.success(), created.toolJson());
            assertEquals(Optional.empty(), session.describe("sales_scratch"));
        }
    }

    @Test
    void aViewThatNoLongerBindsIsDescribedByItsStoredColumnsAndTheSessionGoesOn() {
        SandboxWorkspace sandbox = new SandboxWorkspace(dir, DuckDbSettings.defaults());
        sandbox.close();
        Fixtures.plainDuckDb(sandbox.file, "CREATE TABLE gone AS SELECT 1 AS id, 'a' AS label",
                "CREATE VIEW stale_view AS SELECT id, label FROM gone", "DROP TABLE gone");
        try (Workspace workspace = new DuckDbEngine().copy(sandbox.file, dir.resolve("copy.db"), false);
             TaskSession session = workspace.openTaskSession("sales", sandbox.namespaces.namespace("sales"))) {
            RelationInfo stored = new RelationInfo("stale_view", RelationInfo.Kind.VIEW,
                    List.of(new Column("id", "INTEGER"), new Column("label", "VARCHAR")));
            assertEquals(stored, workspace.describe("stale_view").orElseThrow());

            // The agent's first query leaves its read-only transaction open for the next; the describe's failed
            // bind (on the connection the sessions share) must not disturb it.
            assertTrue(session.execute("SELECT count(*) FROM orders").success());
            assertEquals(stored, session.describe("stale_view").orElseThrow());
            StatementResult next = session.execute("SELECT region FROM orders ORDER BY region");
            assertTrue(next.success(), next.toolJson());
            assertEquals(2L, next.rowCount());
        }
    }

    @Test
    void namesWithQuotesDotsAndSpacesAreDescribed() {
        SandboxWorkspace sandbox = new SandboxWorkspace(dir, DuckDbSettings.defaults());
        sandbox.close();
        Fixtures.plainDuckDb(sandbox.file, "CREATE TABLE \"odd.na\"\"me'x\" AS SELECT 1 AS \"a b\"",
                "CREATE VIEW \"odd view's\" AS SELECT * FROM \"odd.na\"\"me'x\"");
        try (Workspace workspace = new DuckDbEngine().copy(sandbox.file, dir.resolve("copy.db"), false)) {
            assertEquals(new RelationInfo("odd.na\"me'x", RelationInfo.Kind.TABLE, List.of(new Column("a b", "INTEGER"))),
                    workspace.describe("ODD.NA\"ME'X").orElseThrow());
            assertEquals(new RelationInfo("odd view's", RelationInfo.Kind.VIEW, List.of(new Column("a b", "INTEGER"))),
                    workspace.describe("odd view's").orElseThrow());
        }
    }
}
