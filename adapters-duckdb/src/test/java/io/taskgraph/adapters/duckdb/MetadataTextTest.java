package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.domain.definition.TaskDefinition;
import io.taskgraph.domain.llm.Usage;
import io.taskgraph.domain.meta.InputFile;
import io.taskgraph.domain.meta.TaskMeta;
import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.spec.TaskSpec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata text is the {@code .db} format: typed records must be stored exactly as earlier versions stored the
 * same values (the expected strings below are what the version before typed metadata wrote), and files written
 * that way must read back.
 */
class MetadataTextTest {
    private static final String PROMPT = "Sum \"sales\"\n\u0001 by région\t/ tab";
    private static final String DEFINITION = "{\"kind\":\"agent\",\"prompt\":\"Sum \\\"sales\\\"\\n\\u0001 by région\\t/ tab\","
            + "\"sql\":[],\"repair\":false,\"inputs\":[\"orders\"],\"outputs\":[\"sales_by_region\",\"sales_total\"],"
            + "\"output_columns\":{\"sales_by_region\":[\"region\",\"total\"]},\"validate_sql\":[\"SELECT 1 WHERE false\"]}";

    @TempDir
    Path dir;

    private static TaskSpec task() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("sales_by_region", List.of("region", "total"));
        return new TaskSpec("sales", PROMPT, List.of(), false, List.of("orders"),
                List.of("sales_by_region", "sales_total"), columns, List.of("SELECT 1 WHERE false"));
    }

    private static TaskMeta ranTask() {
        return ranTask(Duration.ofNanos(1_234_500_000L), new BigDecimal("0.0012300"));
    }

    private static TaskMeta ranTask(Duration elapsed, BigDecimal cost) {
        return TaskMeta.builder().kind("agent").status("passed").validation("PASSED")
                .outputs(List.of("sales_by_region", "sales_total")).timestamp("2026-03-01T10:15:30.123Z")
                .modelUsed(new TaskMeta.ModelUsed(Optional.of("openai/gpt-5.2"), Optional.of("low")))
                .iterations(4).toolCalls(9).elapsed(elapsed)
                .usage(new Usage(1200, 345, 1000, 7).withCost(cost))
                .finalMessage("Done: \"ok\"\n").reason("").failures(List.of())
                .definition(TaskDefinition.of(task())).build();
    }

    private static Map<String, String> ranTaskText() {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("kind", "\"agent\"");
        text.put("status", "\"passed\"");
        text.put("validation", "\"PASSED\"");
        text.put("outputs", "[\"sales_by_region\",\"sales_total\"]");
        text.put("timestamp", "\"2026-03-01T10:15:30.123Z\"");
        text.put("model", "\"openai/gpt-5.2\"");
        text.put("reasoning_effort", "\"low\"");
        text.put("iterations", "4");
        text.put("tool_calls", "9");
        text.put("elapsed_s", "1.235");
        text.put("prompt_tokens", "1200");
        text.put("completion_tokens", "345");
        text.put("cache_read_tokens", "1000");
        text.put("reasoning_tokens", "7");
        text.put("cost", "0.00123");
        text.put("final_message", "\"Done: \\\"ok\\\"\\n\"");
        text.put("reason", "\"\"");
        text.put("failures", "[]");
        text.put("definition", DEFINITION);
        return text;
    }

    @Test
    void aTaskThatRanIsStoredAsEarlierVersionsStoredIt() {
        assertEquals(ranTaskText(), stored(ranTask()));
    }

    @Test
    void aSqlTaskStoresNullModelAndATaskThatDidNotActOnlyItsStatus() {
        TaskMeta sqlRun = TaskMeta.builder().kind("agent").status("failed").validation("FAILED")
                .modelUsed(TaskMeta.ModelUsed.NONE).iterations(0).toolCalls(0).elapsed(Duration.ofMillis(20))
                .usage(Usage.NONE).finalMessage("").reason("validation failed")
                .failures(List.of("view 'sales_total' is missing", "bad \\ path")).build();
        Map<String, String> text = stored(sqlRun);
        assertEquals("null", text.get("model"));
        assertEquals("null", text.get("reasoning_effort"));
        assertEquals("0.020", text.get("elapsed_s"));
        assertEquals("0", text.get("prompt_tokens"));
        assertEquals("[\"view 'sales_total' is missing\",\"bad \\\\ path\"]", text.get("failures"));
        assertEquals(false, text.containsKey("cost"));

        TaskMeta notActed = TaskMeta.builder().kind("agent").status("failed").validation("FAILED")
                .outputs(List.of("sales_by_region")).timestamp("2026-03-01T10:15:30.123Z")
                .reason("validation failed").failures(List.of()).build();
        assertEquals(List.of("kind", "status", "validation", "outputs", "timestamp", "reason", "failures"),
                List.copyOf(stored(notActed).keySet()));
    }

    @Test
    void aCostInExponentFormIsStoredAsAPlainNumber() {
        TaskMeta meta = TaskMeta.builder().usage(new Usage(1, 2, 3, 4).withCost(new BigDecimal("1E+2"))).build();
        assertEquals("100", stored(meta).get("cost"));
    }

    @Test
    void workspaceValuesAreStoredAsEarlierVersionsStoredThem() {
        Map<String, String> prompts = new LinkedHashMap<>();
        prompts.put("sales", "Sum \"sales\"\n\u0001 by région");
        prompts.put("costs", "");
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("orders", 3L);
        counts.put("big", 12345678901L);
        WorkspaceMeta meta = WorkspaceMeta.builder().fingerprint("{\"tasks\":{}}").prompts(prompts).model("m/x")
                .timestamp("2026-03-01T10:15:30Z").specSource("").specModule("app.specs.main")
                .specGitCommit("unknown").specGitRoot("unknown").specGitDirty(false).interrupted(true)
                .sourceDb("/data/jan.db").rerunMode("validate").inputRowCounts(counts)
                .inputFiles(List.of(new InputFile("orders", Path.of("/data/in \"x\"/orders.csv"), 1024,
                        Instant.parse("2026-02-01T08:00:00.5Z"), "ab12"))).build();

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("fingerprint", "{\"tasks\":{}}");
        expected.put("prompts", "{\"sales\":\"Sum \\\"sales\\\"\\n\\u0001 by région\",\"costs\":\"\"}");
        expected.put("model", "m/x");
        expected.put("timestamp", "2026-03-01T10:15:30Z");
        expected.put("spec_source", "");
        expected.put("spec_module", "app.specs.main");
        expected.put("spec_git_commit", "unknown");
        expected.put("spec_git_root", "unknown");
        expected.put("spec_git_dirty", "false");
        expected.put("interrupted", "true");
        expected.put("source_db", "/data/jan.db");
        expected.put("rerun_mode", "validate");
        expected.put("input_row_counts", "{\"orders\":3,\"big\":12345678901}");
        expected.put("input_files", "{\"orders\":{\"path\":\"/data/in \\\"x\\\"/orders.csv\",\"size\":1024,"
                + "\"modified\":\"2026-02-01T08:00:00.500Z\",\"sha256\":\"ab12\"}}");
        assertEquals(expected, stored(meta));

        Path db = dir.resolve("w.db");
        try (Workspace workspace = new DuckDbEngine().create(db, false)) {
            workspace.putWorkspaceMeta(meta);
            assertEquals(meta, workspace.workspaceMeta(), "it reads back as written");
        }
        assertEquals(new java.util.TreeMap<>(expected), rows(db, "SELECT key, value FROM _workspace_meta"));
    }

    @Test
    void aFileWrittenTheOldWayReadsBackTyped() throws SQLException {
        Path db = dir.resolve("old.db");
        new DuckDbEngine().create(db, false).close();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db);
             Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> entry : ranTaskText().entrySet()) {
                statement.execute("INSERT INTO _task_meta VALUES ('sales', '" + entry.getKey() + "', '"
                        + entry.getValue().replace("'", "''") + "')");
            }
            statement.execute("INSERT INTO _task_meta VALUES ('old', 'validation', '\"PASSED\"'), "
                    + "('old', 'iterations', 'oops'), ('old', 'model', 'null')");
            statement.execute("INSERT INTO _workspace_meta VALUES ('spec_git_dirty', 'true'), "
                    + "('interrupted', 'yes'), ('prompts', 'not json'), ('input_files', '{\"x\": 1}')");
        }
        try (Workspace workspace = new DuckDbEngine().openReadOnly(db)) {
            Map<String, TaskMeta> tasks = workspace.taskMeta();
            assertEquals(ranTask(Duration.ofMillis(1235), new BigDecimal("0.00123")), tasks.get("sales"),
                    "seconds and costs are read exactly as stored");
            assertEquals(TaskMeta.builder().validation("PASSED").modelUsed(TaskMeta.ModelUsed.NONE).build(),
                    tasks.get("old"), "an unreadable value is left out, not an error");
            assertEquals(WorkspaceMeta.builder().specGitDirty(true).interrupted(true).inputFiles(List.of()).build(),
                    workspace.workspaceMeta());
        }
    }

    private Map<String, String> stored(TaskMeta meta) {
        Path db = dir.resolve("t" + System.nanoTime() + ".db");
        try (Workspace workspace = new DuckDbEngine().create(db, false)) {
            workspace.putTaskMeta("sales", meta);
        }
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, String> byKey = rows(db, "SELECT key, value FROM _task_meta WHERE task = 'sales'");
        MetadataText.taskEntries(meta).keySet().forEach(key -> text.put(key, byKey.get(key)));
        assertEquals(byKey.keySet(), text.keySet());
        return text;
    }

    private Map<String, String> stored(WorkspaceMeta meta) {
        return MetadataText.workspaceEntries(meta);
    }

    private static Map<String, String> rows(Path db, String sql) {
        Map<String, String> rows = new java.util.TreeMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db);
             Statement statement = connection.createStatement();
             var rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return rows;
    }
}
