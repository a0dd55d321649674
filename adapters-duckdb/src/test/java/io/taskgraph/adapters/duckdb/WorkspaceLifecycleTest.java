package io.taskgraph.adapters.duckdb;

import static io.taskgraph.adapters.duckdb.Fixtures.SALES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating, replacing, copying and opening workspace files, including the awkward states files can be in. */
class WorkspaceLifecycleTest {
    @TempDir
    Path dir;
    private final DuckDbEngine engine = new DuckDbEngine();

    @Test
    void aNewWorkspaceNeverReplaysAWriteAheadLogLeftByAnEarlierFileOfTheSameName() throws IOException {
        Path file = dir.resolve("out.db");
        Fixtures.plainDuckDb(file, "PRAGMA disable_checkpoint_on_shutdown", "CREATE TABLE ghost AS SELECT 1 AS x");
        Files.delete(file);
        assertTrue(Files.exists(WorkspaceFiles.wal(file)), "the setup must leave the old file's WAL behind");

        try (Workspace workspace = engine.create(file, false)) {
            assertEquals(List.of(), workspace.inputTables());
        }
        try (Workspace workspace = engine.openReadOnly(file)) {
            assertEquals(List.of(), workspace.inputTables());
        }
    }

    @Test
    void createMakesMissingParentDirectories() {
        Path file = dir.resolve("runs/2026/01/out.db");

        engine.create(file, false).close();

        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void createAndCopyRefuseToReplaceAFileThatIsOpenInThisProcess() {
        Path file = dir.resolve("out.db");
        try (Workspace open = engine.create(file, false)) {
            assertEquals(file, open.file());
            WorkspaceException replace = assertThrows(WorkspaceException.class, () -> engine.create(file, true));
            assertTrue(replace.getMessage().contains("is open in this process"), replace.getMessage());

            WorkspaceException copy = assertThrows(WorkspaceException.class,
                    () -> engine.copy(file, dir.resolve("copy.db"), false));
            assertTrue(copy.getMessage().contains("is open in this process"), copy.getMessage());

            WorkspaceException read = assertThrows(WorkspaceException.class, () -> engine.openReadOnly(file));
            assertTrue(read.getMessage().contains("open for writing in this process"), read.getMessage());
        }
        engine.create(file, true).close();
    }

    @Test
    void copyRefusesASourceAnotherProgramHasOpenForWriting() throws Exception {
        Path source = dir.resolve("jan.db");
        engine.create(source, false).close();
        // DuckDB holds a POSIX write lock on a database it has open for writing; python's lockf takes the same lock.
        Process holder = new ProcessBuilder("python3", "-c", "import fcntl, sys, time\n"
                + "f = open(sys.argv[1], 'r+b')\nfcntl.lockf(f, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(60)\n",
                source.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", output.readLine());

            WorkspaceException refused = assertThrows(WorkspaceException.class,
                    () -> engine.copy(source, dir.resolve("feb.db"), false));

            assertTrue(refused.getMessage().contains("open for writing in another program"), refused.getMessage());
            assertFalse(Files.exists(dir.resolve("feb.db")));
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        engine.copy(source, dir.resolve("feb.db"), false).close();
    }

    @Test
    void copyCarriesChangesThatOnlyReachedTheSourcesWriteAheadLog() throws IOException {
        Path source = dir.resolve("jan.db");
        engine.create(source, false).close();
        // A process that ends without a checkpoint leaves committed changes in jan.db.wal only.
        Fixtures.plainDuckDb(source, "PRAGMA disable_checkpoint_on_shutdown",
                "INSERT INTO _workspace_meta VALUES ('model', 'from the wal')");
        Path wal = WorkspaceFiles.wal(source);
        assertTrue(Files.exists(wal), "the setup must leave a WAL");
        byte[] sourceBytes = Files.readAllBytes(source);
        byte[] walBytes = Files.readAllBytes(wal);

        try (Workspace copy = engine.copy(source, dir.resolve("feb.db"), false)) {
            assertEquals(WorkspaceMeta.builder().model("from the wal").build(), copy.workspaceMeta());
        }

        assertArrayEquals(sourceBytes, Files.readAllBytes(source));
        assertArrayEquals(walBytes, Files.readAllBytes(wal));
        assertFalse(Files.exists(WorkspaceFiles.wal(dir.resolve("feb.db"))), "the copy was checkpointed");
    }

    @Test
    void aDuckDbFileWithoutWorkspaceMetadataIsNotAWorkspace() {
        Path plain = dir.resolve("plain.db");
        Fixtures.plainDuckDb(plain, "CREATE TABLE t AS SELECT 1 AS x");

        WorkspaceException read = assertThrows(WorkspaceException.class, () -> engine.openReadOnly(plain));
        WorkspaceException copy = assertThrows(WorkspaceException.class,
                () -> engine.copy(plain, dir.resolve("copy.db"), false));

        assertEquals("The file " + plain + " is a DuckDB database but not a Taskgraph workspace (it has no "
                + "_workspace_meta table). Give the .db file a taskgraph run wrote.", read.getMessage());
        assertTrue(copy.getMessage().contains("not a Taskgraph workspace"), copy.getMessage());
        assertFalse(Files.exists(dir.resolve("copy.db")), "no half-made copy is left behind");
    }

    @Test
    void copyOntoItselfIsRefused() {
        Path file = dir.resolve("out.db");
        engine.create(file, false).close();

        WorkspaceException refused = assertThrows(WorkspaceException.class, () -> engine.copy(file, file, true));

        assertTrue(refused.getMessage().contains("onto itself"), refused.getMessage());
        assertTrue(Files.exists(file));
    }

    @Test
    void traceIdsContinueInACopy() {
        Path source = dir.resolve("jan.db");
        try (Workspace workspace = engine.create(source, false);
             TaskSession session = workspace.openTaskSession("sales", SALES)) {
            session.execute("SELECT 1");
            session.execute("SELECT 2");
        }
        try (Workspace copy = engine.copy(source, dir.resolve("feb.db"), false)) {
            try (TaskSession session = copy.openTaskSession("sales", SALES)) {
                session.execute("SELECT 3");
            }
            assertEquals(List.of(List.of(1L, "SELECT 1"), List.of(2L, "SELECT 2"), List.of(3L, "SELECT 3")),
                    copy.query("SELECT id, query FROM _trace ORDER BY id").rows());
        }
    }

    @Test
    void ingestionRefusesWorkbooksMissingFilesAndComingAfterTheLockDown() {
        try (Workspace workspace = engine.create(dir.resolve("out.db"), false)) {
            Path xlsx = dir.resolve("book.xlsx");
            Fixtures.write(xlsx, "PK");
            IllegalArgumentException workbook = assertThrows(IllegalArgumentException.class,
                    () -> workspace.ingest("sheet", Fixtures.source(xlsx, SourceFormat.XLSX, List.of())));
            assertEquals("Input 'sheet' (book.xlsx) is XLSX, which the engine does not read: its reader "
                    + "(WORKBOOK_READER) makes a table file of it first.", workbook.getMessage());
            assertEquals(List.of(), workspace.inputTables());

            WorkspaceException missing = assertThrows(WorkspaceException.class, () -> workspace.ingest("gone",
                    Fixtures.source(dir.resolve("gone.csv"), SourceFormat.CSV, List.of())));
            assertTrue(missing.getMessage().contains("'gone'") && missing.getMessage().contains("does not exist"),
                    missing.getMessage());

            workspace.restrictExternalAccess();
            assertThrows(IllegalStateException.class, () -> workspace.ingest("late",
                    Fixtures.ndjson(dir, "late", List.of(new Column("x", "BIGINT")), "{\"x\":1}")));
        }
    }

    @Test
    void anEmptyFileWithoutKnownColumnsBecomesATableWithOnlyRowIds() {
        try (Workspace workspace = engine.create(dir.resolve("out.db"), false)) {
            assertEquals(0, workspace.ingest("nothing", Fixtures.ndjson(dir, "nothing", List.of())));
            assertEquals(List.of("_row_id"), workspace.describe("nothing").orElseThrow().columnNames());
        }
    }

    @Test
    void openingATaskSessionLocksDownExternalAccessFirst() {
        try (Workspace workspace = engine.create(dir.resolve("out.db"), false);
             TaskSession session = workspace.openTaskSession("sales", SALES)) {
            assertFalse(session.execute("SELECT * FROM read_csv('/etc/passwd')").success());
            assertThrows(IllegalStateException.class, () -> workspace.ingest("late",
                    Fixtures.ndjson(dir, "late", List.of(new Column("x", "BIGINT")), "{\"x\":1}")));
        }
    }

    @Test
    void checkpointLeavesOneSelfContainedFile() {
        Path file = dir.resolve("out.db");
        try (Workspace workspace = engine.create(file, false)) {
            workspace.putWorkspaceMeta(WorkspaceMeta.builder().model("m").build());
            try (TaskSession session = workspace.openTaskSession("sales", SALES)) {
                session.execute("CREATE VIEW sales_summary AS SELECT 1 AS x");
                workspace.checkpoint();
                assertFalse(Files.exists(WorkspaceFiles.wal(file)) && sizeOf(WorkspaceFiles.wal(file)) > 0,
                        "everything is in the database file");
                assertTrue(session.execute("SELECT * FROM sales_summary").success());
            }
        }
    }

    @Test
    void aCheckpointDoesNotWaitForAnotherTasksRunningQuery() throws Exception {
        try (Workspace workspace = engine.create(dir.resolve("out.db"), false);
             TaskSession session = workspace.openTaskSession("sales", SALES)) {
            java.util.concurrent.CompletableFuture<io.taskgraph.domain.sql.StatementResult> running =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> session.execute(
                            "SELECT count(*) FROM range(1000000000000) t(x) WHERE hash(x) % 7 = 3"));
            Thread.sleep(200);

            workspace.putWorkspaceMeta(WorkspaceMeta.builder().model("m").build());
            workspace.checkpoint();

            assertFalse(running.isDone(), "the query should still be running");
            session.cancel();
            running.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void anInputCannotTakeTheNameOfAMetadataTable() {
        try (Workspace workspace = engine.create(dir.resolve("out.db"), false)) {
            WorkspaceException refused = assertThrows(WorkspaceException.class, () -> workspace.ingest("_TRACE",
                    Fixtures.ndjson(dir, "trace", List.of(new Column("x", "BIGINT")), "{\"x\":1}")));

            assertTrue(refused.getMessage().contains("'_TRACE'"), refused.getMessage());
            assertEquals(List.of("id", "timestamp", "task", "query", "success", "error", "row_count", "elapsed_ms"),
                    workspace.query("SELECT * FROM _trace").columns());
        }
    }

    @Test
    void severalReadersCanOpenTheSameWorkspaceAtOnce() {
        Path file = dir.resolve("out.db");
        try (Workspace workspace = engine.create(file, false)) {
            workspace.putWorkspaceMeta(WorkspaceMeta.builder().model("m").build());
        }
        try (Workspace first = engine.openReadOnly(file); Workspace second = engine.openReadOnly(file)) {
            assertEquals(first.workspaceMeta(), second.workspaceMeta());
            WorkspaceException writer = assertThrows(WorkspaceException.class, () -> engine.create(file, true));
            assertTrue(writer.getMessage().contains("is open in this process"), writer.getMessage());
        }
        engine.create(file, true).close();
    }

    @Test
    void closingTheWorkspaceClosesItsSessionsAndWritesTheirTrace() {
        Path file = dir.resolve("out.db");
        Workspace workspace = engine.create(file, false);
        TaskSession session = workspace.openTaskSession("sales", SALES);
        session.execute("SELECT 1");

        workspace.close();

        assertThrows(IllegalStateException.class, () -> session.execute("SELECT 2"));
        try (Workspace reopened = engine.openReadOnly(file)) {
            assertEquals(List.of(List.of("sales", "SELECT 1")), reopened.query("SELECT task, query FROM _trace").rows());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
