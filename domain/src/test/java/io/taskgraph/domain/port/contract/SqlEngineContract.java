package io.taskgraph.domain.port.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.InvalidSpecException;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.meta.TaskMeta;
import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import io.taskgraph.domain.sql.RowSink;
import io.taskgraph.domain.sql.SqlFailure;
import io.taskgraph.domain.sql.StatementResult;
import java.io.IOException;
import java.nio.file.Files;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of the {@link SqlEngine}, {@link Workspace} and {@link TaskSession} ports, on real files. Every
 * engine's test extends this class. The SQL is DuckDB's dialect, which the agents are taught.
 */
public abstract class SqlEngineContract {
    @TempDir
    protected Path dir;

    /** An engine with the product's settings. */
    protected abstract SqlEngine engine();

    /** An engine whose agent statements are cancelled after {@code timeout}. */
    protected abstract SqlEngine engineWithStatementTimeout(Duration timeout);

    /** A query that keeps the database busy for far longer than a few seconds. */
    protected String endlessQuery() {
        return "SELECT count(*) FROM range(1000000000000) t(x) WHERE hash(x) % 7 = 3";
    }

    private static final Namespace SALES = new Namespace("sales", List.of("sales_summary"), List.of("orders"));

    // ---- lifecycle ----

    @Test
    void aNewWorkspaceHasTheMetadataTablesWithTheirFixedColumns() {
        try (Workspace workspace = engine().create(dir.resolve("out.db"), false)) {
            assertEquals(List.of("id", "timestamp", "task", "query", "success", "error", "row_count", "elapsed_ms"),
                    workspace.query("SELECT * FROM _trace").columns());
            assertEquals(List.of("task", "key", "value"), workspace.query("SELECT * FROM _task_meta").columns());
            assertEquals(List.of("key", "value"), workspace.query("SELECT * FROM _workspace_meta").columns());
            assertEquals(List.of(), workspace.inputTables());
            assertEquals(List.of(), workspace.views());
            assertEquals(dir.resolve("out.db").toAbsolutePath(), workspace.file().toAbsolutePath());
        }
    }

    @Test
    void createRefusesAnExistingFileUnlessToldToReplaceIt() throws IOException {
        Path file = dir.resolve("out.db");
        try (Workspace workspace = engine().create(file, false)) {
            workspace.putWorkspaceMeta(model("old"));
        }
        WorkspaceException refused = assertThrows(WorkspaceException.class, () -> engine().create(file, false));
        assertTrue(refused.getMessage().contains(file.getFileName().toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("already exists"), refused.getMessage());

        try (Workspace workspace = engine().create(file, true)) {
            assertEquals(WorkspaceMeta.EMPTY, workspace.workspaceMeta());
        }
    }

    @Test
    void discardClosesTheWorkspaceAndLeavesNothingOfItSoThePathCanBeUsedAgain() throws IOException {
        Path file = dir.resolve("out.db");
        Workspace workspace = engine().create(file, false);
        workspace.ingest("rates", ndjson("rates", List.of(new Column("ccy", "VARCHAR")), "{\"ccy\":\"USD\"}"));
        workspace.putWorkspaceMeta(model("m1"));

        workspace.discard();

        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("out.db")).toList());
        }
        try (Workspace again = engine().create(file, false)) {
            assertEquals(List.of(), again.inputTables());
        }
        workspace.close(); // closing a discarded workspace is harmless
    }

    @Test
    void workspaceMetadataPartsAreUpserted() {
        Map<String, String> prompts = new LinkedHashMap<>();
        prompts.put("b", "Second \"quoted\"\n line");
        prompts.put("a", "First");
        try (Workspace workspace = engine().create(dir.resolve("out.db"), false)) {
            workspace.putWorkspaceMeta(WorkspaceMeta.builder().model("a/b").fingerprint("{\"x\":1}")
                    .prompts(prompts).inputRowCounts(Map.of("orders", 12345678901L)).interrupted(true).build());
            workspace.putWorkspaceMeta(WorkspaceMeta.builder().model("c/d").interrupted(false).build());
            assertEquals(WorkspaceMeta.builder().model("c/d").fingerprint("{\"x\":1}").prompts(prompts)
                    .inputRowCounts(Map.of("orders", 12345678901L)).interrupted(false).build(),
                    workspace.workspaceMeta());
            assertEquals(List.of("b", "a"), List.copyOf(workspace.workspaceMeta().prompts().orElseThrow().keySet()),
                    "prompts keep their order");
            assertEquals(5, workspace.query("SELECT * FROM _workspace_meta").rowCount());
        }
    }

    @Test
    void taskMetadataPartsAreUpsertedPerTask() {
        try (Workspace workspace = engine().create(dir.resolve("out.db"), false)) {
            workspace.putTaskMeta("sales", TaskMeta.builder().iterations(3).validation("FAILED").build());
            workspace.putTaskMeta("costs", TaskMeta.builder().iterations(1).build());
            workspace.putTaskMeta("sales", TaskMeta.builder().validation("PASSED").build());
            assertEquals(Map.of(
                    "sales", TaskMeta.builder().iterations(3).validation("PASSED").build(),
                    "costs", TaskMeta.builder().iterations(1).build()), workspace.taskMeta());
            assertEquals(3, workspace.query("SELECT * FROM _task_meta").rowCount());
        }
    }

    @Test
    void taskMetadataOfAnEarlierRunIsUpsertedNotDuplicatedInACopy() {
        Path source = dir.resolve("jan.db");
        try (Workspace workspace = engine().create(source, false)) {
            workspace.putTaskMeta("sales", TaskMeta.builder().iterations(3).validation("FAILED").build());
        }
        try (Workspace workspace = engine().copy(source, dir.resolve("feb.db"), false)) {
            workspace.putTaskMeta("costs", TaskMeta.builder().iterations(1).build());
            workspace.putTaskMeta("sales", TaskMeta.builder().validation("PASSED").build());
            assertEquals(Map.of(
                    "sales", TaskMeta.builder().iterations(3).validation("PASSED").build(),
                    "costs", TaskMeta.builder().iterations(1).build()), workspace.taskMeta());
            assertEquals(3, workspace.query("SELECT * FROM _task_meta").rowCount());
        }
    }

    @Test
    void aTaskRecordRoundTripsWithExactNumbers() {
        TaskMeta meta = TaskMeta.builder().kind("agent").status("passed").validation("PASSED")
                .outputs(List.of("sales_by_region", "sales_total")).timestamp("2026-03-01T10:15:30.123Z")
                .modelUsed(new TaskMeta.ModelUsed(Optional.of("openai/gpt-5.2"), Optional.of("low")))
                .iterations(4).toolCalls(9).elapsed(Duration.ofMillis(1235))
                .usage(new Usage(1200, 345, 1000, 7).withCost(new BigDecimal("0.00123")))
                .finalMessage("Done").reason("").failures(List.of()).build();
        try (Workspace workspace = engine().create(dir.resolve("out.db"), false)) {
            workspace.putTaskMeta("sales", meta);
            assertEquals(Map.of("sales", meta), workspace.taskMeta());
        }
    }

    @Test
    void aUsageWithoutCostRemovesTheRecordedCostOfThatTaskOnly() {
        Usage costly = new Usage(10, 1, 0, 0).withCost(new BigDecimal("0.25"));
        try (Workspace workspace = engine().create(dir.resolve("out.db"), false)) {
            workspace.putTaskMeta("sales", TaskMeta.builder().iterations(3).usage(costly).build());
            workspace.putTaskMeta("costs", TaskMeta.builder().usage(costly).build());
            workspace.putTaskMeta("sales", TaskMeta.builder().usage(new Usage(5, 2, 0, 0)).build());
            workspace.putTaskMeta("costs", TaskMeta.builder().status("reused").build());
            assertEquals(Map.of("sales", TaskMeta.builder().iterations(3).usage(new Usage(5, 2, 0, 0)).build(),
                    "costs", TaskMeta.builder().status("reused").usage(costly).build()), workspace.taskMeta());
        }
    }

    @Test
    void copyOpensAnIndependentCopyAndLeavesTheSourceUntouched() throws IOException {
        Path source = dir.resolve("jan.db");
        try (Workspace workspace = engine().create(source, false)) {
            workspace.ingest("rates", ndjson("rates", List.of(new Column("ccy", "VARCHAR")), "{\"ccy\":\"USD\"}"));
            workspace.putWorkspaceMeta(model("m1"));
        }
        byte[] before = Files.readAllBytes(source);

        try (Workspace copy = engine().copy(source, dir.resolve("feb.db"), false)) {
            assertEquals(model("m1"), copy.workspaceMeta());
            assertEquals(List.of("rates"), copy.inputTables());
            copy.putWorkspaceMeta(model("m2"));
            copy.ingest("more", ndjson("more", List.of(new Column("n", "BIGINT")), "{\"n\":1}"));
        }
        assertTrue(Arrays.equals(before, Files.readAllBytes(source)), "the source file changed");
        try (Workspace original = engine().openReadOnly(source)) {
            assertEquals(model("m1"), original.workspaceMeta());
            assertEquals(List.of("rates"), original.inputTables());
        }
    }

    @Test
    void copyRefusesAMissingSourceAndAnExistingTargetUnlessReplacing() {
        Path source = dir.resolve("jan.db");
        WorkspaceException missing = assertThrows(WorkspaceException.class,
                () -> engine().copy(source, dir.resolve("feb.db"), false));
        assertTrue(missing.getMessage().contains("jan.db") && missing.getMessage().contains("does not exist"),
                missing.getMessage());

        engine().create(source, false).close();
        engine().create(dir.resolve("feb.db"), false).close();
        WorkspaceException exists = assertThrows(WorkspaceException.class,
                () -> engine().copy(source, dir.resolve("feb.db"), false));
        assertTrue(exists.getMessage().contains("feb.db") && exists.getMessage().contains("already exists"),
                exists.getMessage());
        engine().copy(source, dir.resolve("feb.db"), true).close();
    }

    @Test
    void openReadOnlyExplainsMissingFilesForeignFilesAndRefusesWrites() throws IOException {
        WorkspaceException missing = assertThrows(WorkspaceException.class,
                () -> engine().openReadOnly(dir.resolve("nope.db")));
        assertTrue(missing.getMessage().contains("nope.db") && missing.getMessage().contains("does not exist"),
                missing.getMessage());

        Path text = Files.writeString(dir.resolve("notes.db"), "these are not the tables you are looking for\n");
        WorkspaceException foreign = assertThrows(WorkspaceException.class, () -> engine().openReadOnly(text));
        assertTrue(foreign.getMessage().contains("notes.db") && foreign.getMessage().contains("not a DuckDB database"),
                foreign.getMessage());

        Path file = dir.resolve("out.db");
        try (Workspace workspace = engine().create(file, false)) {
            workspace.putWorkspaceMeta(model("m"));
        }
        try (Workspace workspace = engine().openReadOnly(file)) {
            assertEquals(model("m"), workspace.workspaceMeta());
            WorkspaceException write = assertThrows(WorkspaceException.class,
                    () -> workspace.putWorkspaceMeta(model("x")));
            assertTrue(write.getMessage().contains("read-only"), write.getMessage());
        }
    }

    @Test
    void aReadOnlyWorkspaceRefusesToWriteTaskMetadata() {
        Path file = dir.resolve("out.db");
        TaskMeta costly = TaskMeta.builder().usage(new Usage(1, 1, 0, 0).withCost(new BigDecimal("0.25"))).build();
        try (Workspace workspace = engine().create(file, false)) {
            workspace.putTaskMeta("sales", costly);
        }
        try (Workspace workspace = engine().openReadOnly(file)) {
            WorkspaceException write = assertThrows(WorkspaceException.class,
                    () -> workspace.putTaskMeta("sales", TaskMeta.builder().usage(Usage.NONE).build()));
            assertTrue(write.getMessage().contains("read-only"), write.getMessage());
            assertEquals(Map.of("sales", costly), workspace.taskMeta());
        }
    }

    // ---- reading results ----

    @Test
    void streamHandsOverTheColumnsThenEveryRowInOrderAndCountsThem() throws IOException {
        try (Workspace workspace = workspaceWithSales()) {
            List<String> columns = new ArrayList<>();
            List<List<Object>> rows = new ArrayList<>();
            long count = workspace.stream("SELECT x, x % 3 = 0 AS fizz, 'n' || x AS label FROM range(1, 50001) t(x) "
                    + "ORDER BY x", collect(columns, rows));
            assertEquals(50_000, count);
            assertEquals(List.of("x", "fizz", "label"), columns);
            assertEquals(50_000, rows.size());
            assertEquals(List.of(1L, false, "n1"), rows.get(0));
            assertEquals(List.of(50_000L, false, "n50000"), rows.get(49_999));
        }
    }

    @Test
    void streamGivesTheSameValuesAsQueryAndNoColumnsForAStatementWithoutResult() throws IOException {
        try (Workspace workspace = workspaceWithSales()) {
            List<String> columns = new ArrayList<>();
            List<List<Object>> rows = new ArrayList<>();
            String sql = "SELECT region, amount, NULL AS nothing FROM orders ORDER BY _row_id";
            assertEquals(2, workspace.stream(sql, collect(columns, rows)));
            QueryResult whole = workspace.query(sql);
            assertEquals(whole.columns(), columns);
            assertEquals(whole.rows(), rows);

            List<String> none = new ArrayList<>(List.of("not called"));
            assertEquals(0, workspace.stream("CREATE TEMP TABLE scratch AS SELECT 1 AS x", collect(none, new ArrayList<>())));
            assertEquals(List.of(), none);
        }
    }

    @Test
    void streamReportsABadStatementWithTheDatabasesMessage() throws IOException {
        try (Workspace workspace = workspaceWithSales()) {
            SqlFailure failure = assertThrows(SqlFailure.class,
                    () -> workspace.stream("SELECT no_such_column FROM orders", collect(new ArrayList<>(),
                            new ArrayList<>())));
            assertTrue(failure.getMessage().contains("no_such_column"), failure.getMessage());
            assertEquals(List.of(List.of(2L)), workspace.query("SELECT count(*) FROM orders").rows(),
                    "the workspace is still usable");
        }
    }

    @Test
    void aReadOnlyWorkspaceRefusesStatementsThatWouldWriteAndLeavesTheFileAsItWas() throws IOException {
        Path file = dir.resolve("out.db");
        try (Workspace workspace = engine().create(file, false)) {
            workspace.ingest("orders", ndjson("orders", List.of(new Column("amount", "BIGINT")), "{\"amount\":10}"));
            workspace.putWorkspaceMeta(model("m"));
        }
        byte[] before = Files.readAllBytes(file);
        try (Workspace workspace = engine().openReadOnly(file)) {
            workspace.restrictExternalAccess();
            for (String write : List.of("INSERT INTO orders VALUES (2, 20)", "CREATE VIEW v AS SELECT 1 AS x",
                    "DROP TABLE orders", "COPY orders TO '" + dir.resolve("leak.csv") + "'")) {
                SqlFailure refused = assertThrows(SqlFailure.class,
                        () -> workspace.stream(write, collect(new ArrayList<>(), new ArrayList<>())),
                        write);
                assertFalse(refused.getMessage().isBlank(), write);
            }
            assertEquals(List.of(List.of(1L)), workspace.query("SELECT count(*) FROM orders").rows());
        }
        assertTrue(Arrays.equals(before, Files.readAllBytes(file)), "the read-only file changed");
        assertFalse(Files.exists(dir.resolve("leak.csv")), "COPY wrote a file from a restricted workspace");
        assertFalse(Files.exists(dir.resolve("out.db.wal")), "a read-only open left a write-ahead log");
    }

    // ---- ingestion ----

    @Test
    void ndjsonIngestsWithTheDeclaredTypesAndRowIdsFromOneInSourceOrder() throws IOException {
        List<Column> columns = List.of(new Column("id", "BIGINT"), new Column("name", "VARCHAR"),
                new Column("amount", "DECIMAL(10,2)"), new Column("day", "DATE"));
        try (Workspace workspace = engine().create(dir.resolve("out.db"), false)) {
            long rows = workspace.ingest("invoices", ndjson("invoices", columns,
                    "{\"id\":30,\"name\":\"c\",\"amount\":1.50,\"day\":\"2024-03-01\"}",
                    "{\"id\":10,\"name\":\"a\",\"amount\":20.25,\"day\":\"2024-01-31\"}",
                    "{\"id\":20,\"name\":null,\"amount\":null,\"day\":null}"));
            assertEquals(3, rows);
            RelationInfo info = workspace.describe("invoices").orElseThrow();
            assertEquals(RelationInfo.Kind.TABLE, info.kind());
            assertEquals(List.of(new Column("_row_id", "INTEGER"), new Column("id", "BIGINT"),
                    new Column("name", "VARCHAR"), new Column("amount", "DECIMAL(10,2)"),
                    new Column("day", "DATE")), info.columns());
            QueryResult result = workspace.query("SELECT _row_id, id, name, amount, day FROM invoices ORDER BY _row_id");
            assertEquals(List.of(
                    List.of(1, 30L, "c", new java.math.BigDecimal("1.50"), "2024-03-01"),
                    List.of(2, 10L, "a", new java.math.BigDecimal("20.25"), "2024-01-31"),
                    Arrays.asList(3, 20L, null, null, null)), result.rows());
            assertEquals(List.of("invoices"), workspace.inputTables());
        }
    }

    @Test
    void anEmptyInputWithDeclaredColumnsBecomesAnEmptyTableWithThoseColumns() throws IOException {
        List<Column> columns = List.of(new Column("id", "BIGINT"), new Column("when", "TIMESTAMP"));
        try (Workspace workspace = engine().create(dir.resolve("out.db"), false)) {
            assertEquals(0, workspace.ingest("events", ndjson("events", columns)));
            assertEquals(List.of("_row_id", "id", "when"), workspace.describe("events").orElseThrow().columnNames());
            assertEquals(0, workspace.query("SELECT * FROM events").rowCount());
        }
    }

    @Test
    void csvIngestsWithAHeaderAndInferredTypes() throws IOException {
        Path csv = Files.writeString(dir.resolve("rates.csv"), "ccy,rate,active\nUSD,1.0,true\nEUR,0.92,false\n");
        try (Workspace workspace = engine().create(dir.resolve("out.db"), false)) {
            assertEquals(2, workspace.ingest("rates", new TableSource(csv, SourceFormat.CSV, List.of(),
                    java.util.Optional.empty(), "rates.csv")));
            assertEquals(List.of(new Column("_row_id", "INTEGER"), new Column("ccy", "VARCHAR"),
                    new Column("rate", "DOUBLE"), new Column("active", "BOOLEAN")),
                    workspace.describe("rates").orElseThrow().columns());
            assertEquals(List.of(List.of(1, "USD", 1.0, true), List.of(2, "EUR", 0.92, false)),
                    workspace.query("SELECT * FROM rates ORDER BY _row_id").rows());
        }
    }

    @Test
    void ingestionRefusesColumnNamesItWouldHaveToRenameAndKeepsNoTable() throws IOException {
        Path csv = Files.writeString(dir.resolve("people.csv"), "id,ID\n1,2\n");
        TableSource clash = new TableSource(csv, SourceFormat.CSV, List.of(), java.util.Optional.empty(), "file people.csv");
        Path rowIds = Files.writeString(dir.resolve("rows.ndjson"), "{\"_row_id\": 7}\n");
        TableSource reserved = new TableSource(rowIds, SourceFormat.NDJSON, List.of(new Column("_row_id", "BIGINT")),
                java.util.Optional.empty(), "callable load_rows");
        try (Workspace workspace = engine().create(dir.resolve("out.db"), false)) {
            InvalidSpecException caseClash = assertThrows(InvalidSpecException.class,
                    () -> workspace.ingest("people", clash));
            assertTrue(caseClash.getMessage().startsWith("Input 'people' (file people.csv) has columns whose names "
                    + "differ only in case: 'id' and 'ID'."), caseClash.getMessage());
            InvalidSpecException rowId = assertThrows(InvalidSpecException.class, () -> workspace.ingest("rows", reserved));
            assertTrue(rowId.getMessage().startsWith("Input 'rows' (callable load_rows) has a column named '_row_id'"),
                    rowId.getMessage());
            assertEquals(List.of(), workspace.inputTables());
        }
    }

    @Test
    void ingestionErrorsNameTheInputAndWhereItsDataCameFrom() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.ndjson"), "{\"id\": \"not a number\"}\n");
        TableSource source = new TableSource(broken, SourceFormat.NDJSON, List.of(new Column("id", "BIGINT")),
                java.util.Optional.empty(), "callable load_sales");
        try (Workspace workspace = engine().create(dir.resolve("out.db"), false)) {
            WorkspaceException error = assertThrows(WorkspaceException.class, () -> workspace.ingest("sales", source));
            assertTrue(error.getMessage().contains("'sales'"), error.getMessage());
            assertTrue(error.getMessage().contains("callable load_sales"), error.getMessage());
        }
    }

    @Test
    void aSourceInPartsBecomesOneTableWhoseRowIdsRunOnAcrossItsParts() throws IOException {
        List<Column> columns = List.of(new Column("id", "BIGINT"), new Column("name", "VARCHAR"));
        TableSource first = ndjson("orders-1", columns, "{\"id\":30,\"name\":\"c\"}", "{\"id\":10,\"name\":\"a\"}");
        Path second = ndjson("orders-2", columns, "{\"id\":20,\"name\":null}").file();
        Path third = ndjson("orders-3", columns, "{\"id\":50,\"name\":\"e\"}", "{\"id\":40,\"name\":\"d\"}").file();
        List<Path> asked = new ArrayList<>();
        java.util.Iterator<Path> later = List.of(second, third).iterator();
        TableSource source = new TableSource(first.file(), first.format(), columns, java.util.Optional.empty(),
                "callable load_orders", () -> {
                    java.util.Optional<Path> next = later.hasNext() ? java.util.Optional.of(later.next())
                            : java.util.Optional.empty();
                    next.ifPresent(asked::add);
                    return next;
                });
        try (Workspace workspace = engine().create(dir.resolve("out.db"), false)) {
            assertEquals(5, workspace.ingest("orders", source));
            assertEquals(List.of(second, third), asked);
            assertEquals(List.of(List.of(1, 30L, "c"), List.of(2, 10L, "a"), Arrays.asList(3, 20L, null),
                    List.of(4, 50L, "e"), List.of(5, 40L, "d")),
                    workspace.query("SELECT _row_id, id, name FROM orders ORDER BY _row_id").rows());
            assertEquals(List.of(new Column("_row_id", "INTEGER"), new Column("id", "BIGINT"),
                    new Column("name", "VARCHAR")), workspace.describe("orders").orElseThrow().columns());
        }
    }

    @Test
    void aPartThatCannotBeWrittenLeavesTheWorkspaceAsItWas() throws IOException {
        List<Column> columns = List.of(new Column("id", "BIGINT"));
        TableSource before = ndjson("orders-before", columns, "{\"id\":1}");
        TableSource first = ndjson("orders-1", columns, "{\"id\":10}", "{\"id\":20}");
        Path second = ndjson("orders-2", columns, "{\"id\":30}").file();
        java.util.Iterator<Path> later = List.of(second).iterator();
        String failure = "Input 'orders': writing its rows 4-6 for DuckDB failed: No space left on device.";
        TableSource failing = new TableSource(first.file(), first.format(), columns, java.util.Optional.empty(),
                "callable load_orders", () -> {
                    if (later.hasNext()) {
                        return java.util.Optional.of(later.next());
                    }
                    throw new InvalidSpecException(failure);
                });
        try (Workspace workspace = engine().create(dir.resolve("out.db"), false)) {
            workspace.ingest("orders", before);
            InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> workspace.ingest("orders", failing));
            assertEquals(failure, e.getMessage());
            assertEquals(List.of(List.of(1, 1L)), workspace.query("SELECT _row_id, id FROM orders").rows());
            assertEquals(1, workspace.ingest("more", ndjson("more", columns, "{\"id\":7}")),
                    "the workspace goes on after the failed load");
            assertEquals(List.of("more", "orders"), workspace.inputTables(), "nothing of the failed load is left");
        }
    }

    // ---- agent SQL ----

    @Test
    void aQueryReturnsTheRunSqlToolJson() throws IOException {
        try (Workspace workspace = workspaceWithSales(); TaskSession session = workspace.openTaskSession("sales", SALES)) {
            StatementResult result = session.execute("SELECT region, amount FROM orders ORDER BY _row_id");
            assertTrue(result.success(), result.toolJson());
            assertEquals(2, result.rowCount());
            Map<String, Object> json = Json.parseObject(result.toolJson());
            assertEquals(Map.of("success", true, "columns", List.of("region", "amount"),
                    "rows", List.of(List.of("north", 10L), List.of("south", 32L)), "row_count", 2L), json);
        }
    }

    @Test
    void aViewInsideTheNamespaceIsCreatedAndReported() throws IOException {
        try (Workspace workspace = workspaceWithSales(); TaskSession session = workspace.openTaskSession("sales", SALES)) {
            StatementResult result = session.execute(
                    "CREATE OR REPLACE VIEW sales_summary AS SELECT region, sum(amount) AS total FROM orders GROUP BY region");
            assertTrue(result.success(), result.toolJson());
            assertEquals(List.of("sales_summary"), result.changedObjects());
            assertEquals(Boolean.TRUE, Json.parseObject(result.toolJson()).get("success"));
            assertTrue(Json.parseObject(result.toolJson()).containsKey("message"), result.toolJson());
            assertEquals(List.of("sales_summary"), workspace.views());
            assertEquals(RelationInfo.Kind.VIEW, session.describe("sales_summary").orElseThrow().kind());
        }
    }

    @Test
    void aViewOutsideTheNamespaceIsRefusedAndNotCreated() throws IOException {
        try (Workspace workspace = workspaceWithSales(); TaskSession session = workspace.openTaskSession("sales", SALES)) {
            StatementResult result = session.execute("CREATE VIEW costs_summary AS SELECT 1 AS x");
            assertFalse(result.success());
            assertEquals(Boolean.FALSE, Json.parseObject(result.toolJson()).get("success"));
            assertTrue(result.error().contains("costs_summary"), result.error());
            assertEquals(List.of(), workspace.views());
        }
    }

    @Test
    void multiStatementTextIsRefusedAndItsFirstStatementDoesNotRun() throws IOException {
        try (Workspace workspace = workspaceWithSales(); TaskSession session = workspace.openTaskSession("sales", SALES)) {
            StatementResult result = session.execute("CREATE VIEW sales_a AS SELECT 1; SELECT 2");
            assertFalse(result.success());
            assertTrue(result.error().contains("one statement"), result.error());
            assertEquals(List.of(), workspace.views());
        }
    }

    @Test
    void everyAgentStatementAllowedOrNotLandsInTheTraceWithItsTask() throws IOException {
        try (Workspace workspace = workspaceWithSales()) {
            try (TaskSession session = workspace.openTaskSession("sales", SALES)) {
                session.execute("SELECT count(*) FROM orders");
                session.execute("DROP TABLE orders");
                session.execute("SELECT no_such_column FROM orders");
            }
            QueryResult trace = workspace.query(
                    "SELECT id, task, query, success, error IS NULL, row_count FROM _trace ORDER BY id");
            assertEquals(List.of(
                    List.of(1L, "sales", "SELECT count(*) FROM orders", true, true, 1L),
                    Arrays.asList(2L, "sales", "DROP TABLE orders", false, false, null),
                    Arrays.asList(3L, "sales", "SELECT no_such_column FROM orders", false, false, null)),
                    trace.rows());
            assertEquals(List.of("orders"), workspace.inputTables());
        }
    }

    @Test
    void aResultOverTheLimitIsRefusedWithAHintToAddLimit() throws IOException {
        try (Workspace workspace = workspaceWithSales(); TaskSession session = workspace.openTaskSession("sales", SALES)) {
            StatementResult result = session.execute("SELECT x, repeat('y', 100) AS padding FROM range(100000) t(x)");
            assertFalse(result.success());
            assertTrue(result.error().contains("30000"), result.error());
            assertTrue(result.error().contains("LIMIT"), result.error());
            assertTrue(result.toolJson().length() < 1000, "the refusal carries no rows");
        }
    }

    @Test
    void aStatementThatRunsTooLongIsCancelledTracedAndTheSessionStaysUsable() throws IOException {
        Path file = dir.resolve("slow.db");
        try (Workspace workspace = engineWithStatementTimeout(Duration.ofMillis(500)).create(file, false)) {
            StatementResult slow;
            try (TaskSession session = workspace.openTaskSession("sales", SALES)) {
                long started = System.nanoTime();
                slow = session.execute(endlessQuery());
                long tookMs = (System.nanoTime() - started) / 1_000_000;
                assertFalse(slow.success());
                assertTrue(slow.error().contains("500 ms") && slow.error().contains("cancelled"), slow.error());
                assertTrue(tookMs < 10_000, "cancelling took " + tookMs + " ms");

                StatementResult next = session.execute("SELECT 42 AS answer");
                assertTrue(next.success(), next.toolJson());
            }
            assertEquals(List.of(Arrays.asList(false, slow.error())),
                    workspace.query("SELECT success, error FROM _trace WHERE id = 1").rows());
        }
    }

    @Test
    void agentSqlReadsOnlyTheTasksDeclaredInputsAndSaysWhatItMayRead() throws IOException {
        try (Workspace workspace = workspaceWithSales();
             TaskSession session = workspace.openTaskSession("sales", new Namespace("sales", List.of("sales_summary")))) {
            assertEquals(List.of("sales_summary"), session.namespace().outputs());
            StatementResult result = session.execute("SELECT region FROM orders");
            assertFalse(result.success(), result.toolJson());
            assertTrue(result.error().contains("may not read 'orders'"), result.error());
            assertTrue(result.error().contains("Task 'sales' may read no declared inputs"), result.error());
            assertEquals(2, session.query("SELECT region FROM orders").rowCount(), "validation reads are not confined");
        }
    }

    @Test
    void aWorkspaceWhoseViewsStayInsideItHasNothingUnsafeToDrop() throws IOException {
        try (Workspace workspace = workspaceWithSales()) {
            try (TaskSession session = workspace.openTaskSession("sales", SALES)) {
                assertTrue(session.execute("CREATE VIEW sales_summary AS SELECT region FROM orders").success());
            }
            assertEquals(List.of(), workspace.dropUnsafeObjects());
            assertEquals(List.of("sales_summary"), workspace.views());
        }
    }

    @Test
    void agentSqlCannotReadTheHostsFiles() throws IOException {
        try (Workspace workspace = workspaceWithSales(); TaskSession session = workspace.openTaskSession("sales", SALES)) {
            StatementResult result = session.execute("SELECT * FROM read_csv('/etc/passwd')");
            assertFalse(result.success(), result.toolJson());
            assertFalse(result.toolJson().contains("root:"), result.toolJson());
        }
    }

    // ---- helpers ----

    private Workspace workspaceWithSales() throws IOException {
        Workspace workspace = engine().create(dir.resolve("out.db"), false);
        workspace.ingest("orders", ndjson("orders", List.of(new Column("region", "VARCHAR"),
                new Column("amount", "BIGINT")), "{\"region\":\"north\",\"amount\":10}",
                "{\"region\":\"south\",\"amount\":32}"));
        workspace.restrictExternalAccess();
        return workspace;
    }

    private static RowSink collect(List<String> columns, List<List<Object>> rows) {
        return new RowSink() {
            @Override
            public void columns(List<String> names) {
                columns.clear();
                columns.addAll(names);
            }

            @Override
            public void row(List<Object> values) {
                rows.add(values);
            }
        };
    }

    /** An NDJSON source with one line per row. */
    protected TableSource ndjson(String name, List<Column> columns, String... lines) throws IOException {
        Path file = dir.resolve(name + ".ndjson");
        Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        return new TableSource(file, SourceFormat.NDJSON, columns, java.util.Optional.empty(), "data/" + name + ".ndjson");
    }

    private static WorkspaceMeta model(String model) {
        return WorkspaceMeta.builder().model(model).build();
    }
}
