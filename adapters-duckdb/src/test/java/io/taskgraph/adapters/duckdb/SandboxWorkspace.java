package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.sql.Namespaces;
import io.taskgraph.domain.sql.StatementResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace with several tasks for sandbox attacks, and a canary: files on the host whose content is a unique
 * string that must never come back from anything left in the {@code .db}.
 * <pre>
 *   inputs: orders(region, amount), customers(name)
 *   secret    (orders)            -> secret_out, plus helpers secret_helper, secret_m() (table), secret_f(x)
 *   base      (orders)            -> base_view
 *   sandboxed (base_view, orders) -> sandboxed_report
 *   up        (orders)            -> down_table        down (orders) -> down_report
 *   x         (orders)            -> x_report          x_y  (orders) -> x_y_report
 *   sales     (orders)            -> sales_summary     list (orders) -> list_report
 * </pre>
 */
final class SandboxWorkspace implements AutoCloseable {
    static final List<TaskSpec> TASKS = List.of(
            task("secret", List.of("orders"), "secret_out"),
            task("base", List.of("orders"), "base_view"),
            task("sandboxed", List.of("base_view", "orders"), "sandboxed_report"),
            task("up", List.of("orders"), "down_table"),
            task("down", List.of("orders"), "down_report"),
            task("x", List.of("orders"), "x_report"),
            task("x_y", List.of("orders"), "x_y_report"),
            task("sales", List.of("orders"), "sales_summary"),
            task("list", List.of("orders"), "list_report"));

    final Path file;
    final Path canaryText;
    final Path canaryCsv;
    final String canary = "CANARY-" + UUID.randomUUID();
    final Namespaces namespaces = Namespaces.of(TASKS, List.of("orders", "customers"));
    private final Path dir;
    private Workspace workspace;
    private Map<String, String> viewsBefore;

    SandboxWorkspace(Path dir, DuckDbSettings settings) {
        this.dir = dir;
        this.file = dir.resolve("out.db");
        this.canaryText = dir.resolve("canary.txt");
        this.canaryCsv = dir.resolve("canary.csv");
        Fixtures.write(canaryText, canary + "\n");
        Fixtures.write(canaryCsv, "content\n" + canary + "\n");
        workspace = new DuckDbEngine(settings).create(file, false);
        workspace.ingest("orders", Fixtures.ndjson(dir, "orders",
                List.of(new Column("region", "VARCHAR"), new Column("amount", "BIGINT")),
                "{\"region\":\"north\",\"amount\":10}", "{\"region\":\"south\",\"amount\":32}"));
        workspace.ingest("customers", Fixtures.ndjson(dir, "customers", List.of(new Column("name", "VARCHAR")),
                "{\"name\":\"Ann\"}"));
        workspace.restrictExternalAccess();
        succeed("secret", "CREATE VIEW secret_out AS SELECT region, amount FROM orders",
                "CREATE VIEW secret_helper AS SELECT amount FROM orders",
                "CREATE MACRO secret_m() AS TABLE SELECT region FROM orders",
                "CREATE MACRO secret_f(x) AS x * 2");
        succeed("base", "CREATE VIEW base_view AS SELECT region, amount * 10 AS amount FROM orders");
        succeed("up", "CREATE VIEW down_table AS SELECT 1 AS id");
        succeed("x_y", "CREATE VIEW x_y_report AS SELECT 1 AS id");
        viewsBefore = workspace.query("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal").rows().stream()
                .collect(java.util.stream.Collectors.toMap(r -> (String) r.get(0), r -> (String) r.get(1)));
    }

    private static TaskSpec task(String name, List<String> inputs, String output) {
        return TaskSpec.agent(name, "Build " + output + ".", inputs, List.of(output));
    }

    Workspace workspace() {
        return workspace;
    }

    /** Runs {@code statements} in one session of {@code task}; returns each result. */
    List<StatementResult> run(String task, String... statements) {
        List<StatementResult> results = new ArrayList<>();
        try (TaskSession session = workspace.openTaskSession(task, namespaces.namespace(task))) {
            for (String sql : statements) {
                results.add(session.execute(sql.replace("{canary}", canaryText.toString())
                        .replace("{canary_csv}", canaryCsv.toString()).replace("{wal}", file + ".wal")));
            }
        }
        return results;
    }

    StatementResult one(String task, String statement) {
        return run(task, statement).get(0);
    }

    void succeed(String task, String... statements) {
        for (StatementResult result : run(task, statements)) {
            assertTrue(result.success(), result.toolJson());
        }
    }

    /**
     * Closes the workspace and opens the file as a stock DuckDB: nothing read the canary or shows the folder the
     * workspace lives in, the inputs hold their rows, and the setup's views (other tasks') are as they were.
     */
    void assertCleanForAStockDuckDb() {
        close();
        List<String> shown = StockDuckDb.everythingItShows(file);
        for (String value : shown) {
            assertTrue(!value.contains(canary), "a view or macro read the canary file: " + value);
            assertTrue(!value.contains(dir.toString()), "a view or macro shows a host path: " + value);
        }
        assertEquals(List.of(List.of(1, "north", 10L), List.of(2, "south", 32L)),
                StockDuckDb.rows(file, "SELECT * FROM orders ORDER BY _row_id"));
        Map<String, String> views = StockDuckDb.viewDefinitions(file);
        viewsBefore.forEach((view, sql) -> assertEquals(sql, views.get(view), "view " + view + " changed"));
    }

    @Override
    public void close() {
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }
}
