package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.adapters.cli.e2e.FakeModelServer.Reply;
import io.taskgraph.domain.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox on the real jar: the agent of task {@code costs} (which lists only {@code prepared_costs}) tries the
 * issue's bomb (a view over a macro that is then swapped for a reader of a host file) and reads an output and an
 * input it does not list. The run goes on, the agent is told each time what it may read, and the {@code .db} the
 * user opens afterwards with a stock DuckDB reads nothing outside itself.
 */
@Tag("e2e")
class SandboxE2ETest {
    @TempDir
    Path dir;

    private FakeModelServer model;
    private AppDir app;
    private Taskgraph taskgraph;

    @BeforeEach
    void start() throws Exception {
        model = FakeModelServer.start();
        app = new AppDir(dir);
        taskgraph = new Taskgraph(dir).model(model);
    }

    @AfterEach
    void stop() {
        model.close();
    }

    @Test
    void anAgentsBombAndUndeclaredReadsAreRefusedAndTheFileIsClean() throws Exception {
        String canary = "CANARY-" + UUID.randomUUID();
        Path secretFile = app.path("secret.txt");
        Files.writeString(secretFile, canary);
        String spec = app.spec("main", Diamond.SPEC);
        Diamond.solve(model).script("[costs]", Reply.sql(
                        "CREATE OR REPLACE MACRO costs_src() AS TABLE SELECT 'x' AS content",
                        "CREATE OR REPLACE VIEW costs_out AS SELECT content FROM costs_src()",
                        "CREATE OR REPLACE MACRO costs_src(p := '" + secretFile + "') AS TABLE "
                                + "SELECT content FROM read_text(p)",
                        "SELECT * FROM prepared_sales",
                        "CREATE VIEW costs_peek AS SELECT * FROM transactions",
                        Diamond.COSTS),
                Reply.answer("Done."));

        Taskgraph.Result r = taskgraph.run("run", "-s", spec, "-o", "out.db", "--memory-limit", "1GB");

        assertEquals(0, r.exitCode(), r.all());
        List<Map<String, Object>> results = toolResults(model.requests("[costs]").get(1));
        assertEquals(List.of(true, true, false, false, false, true),
                results.stream().map(m -> m.get("success")).toList(), results.toString());
        assertTrue(String.valueOf(results.get(2).get("error")).startsWith("In the body of the table macro: read_text() "
                + "reads data by name"), results.get(2).toString());
        assertTrue(String.valueOf(results.get(3).get("error")).startsWith("Task 'costs' may not read 'prepared_sales': "
                + "it is an output of task 'prep'. If the task needs it, add 'prepared_sales' to the task's \"inputs\""),
                results.get(3).toString());
        assertTrue(String.valueOf(results.get(4).get("error")).contains("Task 'costs' may read its inputs "
                + "prepared_costs;"), results.get(4).toString());

        Path db = app.path("out.db");
        List<String> shown = everythingAStockDuckDbShows(db);
        assertTrue(shown.contains("x"), "the view the agent left reads its harmless macro: " + shown);
        assertTrue(shown.stream().noneMatch(v -> v.contains(canary)), shown.toString());
        assertEquals(List.of(List.of("false")), WorkspaceFile.query(db, "SELECT DISTINCT success FROM _trace "
                + "WHERE task = 'costs' AND (query LIKE '%read_text%' OR query LIKE '%FROM transactions%')"));
        assertEquals(List.of(List.of("35")), WorkspaceFile.query(db, "SELECT profit FROM profit_report"));
        assertFalse(Files.exists(app.path("out.db.tmp")), "the spill folder is gone");
    }

    @Test
    void aMemoryLimitThatIsNotASizeStopsBeforeAnythingIsWritten() throws Exception {
        String spec = app.spec("main", AppDir.EMPLOYEES);

        Taskgraph.Result r = taskgraph.run("run", "-s", spec, "-o", "out.db", "--memory-limit", "lots");

        assertEquals(2, r.exitCode(), r.all());
        assertEquals("taskgraph: --memory-limit 'lots' is not a size: write a number and a unit, such as 4GB, 512MB "
                + "or 2GiB.\n", r.err());
        assertFalse(Files.exists(app.path("out.db")));
        assertEquals(0, model.requestCount());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> toolResults(Map<String, Object> request) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (Object m : (List<Object>) request.get("messages")) {
            Map<String, Object> message = (Map<String, Object>) m;
            if ("tool".equals(message.get("role"))) {
                results.add(Json.parseObject(String.valueOf(message.get("content"))));
            }
        }
        return results;
    }

    /** Selects from every view and calls every macro without arguments, on a stock connection (external access on). */
    private static List<String> everythingAStockDuckDbShows(Path db) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db)) {
            List<String> queries = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT 'SELECT * FROM \"' || view_name || '\"' FROM duckdb_views() "
                         + "WHERE NOT internal UNION ALL SELECT CASE WHEN function_type = 'table_macro' THEN "
                         + "'SELECT * FROM \"' || function_name || '\"()' ELSE 'SELECT \"' || function_name || '\"()' END "
                         + "FROM duckdb_functions() WHERE NOT internal")) {
                while (rs.next()) {
                    queries.add(rs.getString(1));
                }
            }
            for (String query : queries) {
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            values.add(String.valueOf(rs.getString(i)));
                        }
                    }
                } catch (SQLException e) {
                    // A view or macro that cannot run reads nothing.
                }
            }
        }
        return values;
    }
}
