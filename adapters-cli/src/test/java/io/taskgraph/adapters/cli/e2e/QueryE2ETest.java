package io.taskgraph.adapters.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taskgraph query} on a workspace the real CLI wrote: every format, stdin, and the errors. */
@Tag("e2e")
class QueryE2ETest {
    @TempDir
    static Path dir;
    private static Taskgraph taskgraph;
    private static byte[] written;

    @BeforeAll
    static void diamondRun() throws Exception {
        AppDir app = new AppDir(dir);
        String spec = app.spec("main", Diamond.SPEC);
        try (FakeModelServer model = Diamond.solve(FakeModelServer.start())) {
            Taskgraph.Result run = new Taskgraph(dir).model(model).run("run", "-s", spec, "-o", "out.db");
            assertEquals(0, run.exitCode(), run.all());
        }
        // A UTF-8 locale, so the table is drawn the same way on every machine.
        taskgraph = new Taskgraph(dir).env("LC_ALL", "C.UTF-8");
        written = Files.readAllBytes(dir.resolve("out.db"));
    }

    @AfterEach
    void theWorkspaceNeverChanges() throws Exception {
        assertArrayEquals(written, Files.readAllBytes(dir.resolve("out.db")), "query changed the workspace file");
        assertFalse(Files.exists(dir.resolve("out.db.wal")), "query left a write-ahead log");
    }

    @Test
    void aTableIsAlignedWithNumbersOnTheRightAndSaysHowManyRows() throws Exception {
        Taskgraph.Result r = taskgraph.run("query", "out.db", "SELECT product, total FROM sales_summary ORDER BY product");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals("""
                product │ total
                ────────┼──────
                apple   │    40
                pear    │    20
                2 rows.
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void aLongResultShowsItsFirstRowsAndAWideOneFitsTheWidthNamingWhatItLeftOut() throws Exception {
        Taskgraph.Result many = taskgraph.run("query", "out.db", "SELECT x FROM range(100) t(x)");
        assertEquals(0, many.exitCode(), many.all());
        assertEquals(2 + 40 + 1, many.out().lines().count(), many.out());
        assertTrue(many.out().endsWith("100 rows (the first 40 shown; --max-rows 0 shows all, --format csv prints "
                + "every row).\n"), many.out());
        assertEquals(2 + 100 + 1, taskgraph.run("query", "out.db", "SELECT x FROM range(100) t(x)", "--max-rows", "0")
                .out().lines().count());

        String columns = String.join(", ", IntStream.range(0, 12)
                .mapToObj(i -> "repeat('v', 30) AS column_" + i).toList());
        Taskgraph.Result wide = taskgraph.run("query", "out.db", "SELECT " + columns);
        assertEquals(0, wide.exitCode(), wide.all());
        assertTrue(wide.out().lines().allMatch(line -> line.length() <= 100 || line.startsWith("1 row")), wide.out());
        assertTrue(wide.out().contains("column_0 │ column_1"), wide.out());
        assertTrue(wide.out().contains("vvvvvvv… │"), "long values are cut, marked with …\n" + wide.out());
        assertTrue(wide.out().contains("more columns not shown: "), wide.out());
        assertTrue(wide.out().contains("column_11 (select fewer columns, or use --format csv)."), wide.out());
    }

    @Test
    void csvIsEveryRowWithAHeaderQuotedWhereNeeded() throws Exception {
        Taskgraph.Result r = taskgraph.run("query", "out.db",
                "SELECT product, total, 'a, \"b\"' AS note, NULL AS nothing FROM sales_summary ORDER BY product",
                "--format", "csv");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals("product,total,note,nothing\r\napple,40,\"a, \"\"b\"\"\",\r\npear,20,\"a, \"\"b\"\"\",\r\n", r.out());
    }

    @Test
    void jsonIsAnArrayOfObjectsWithTheValuesTypes() throws Exception {
        Taskgraph.Result r = taskgraph.run("query", "out.db", "SELECT product, total, total > 25 AS big, NULL AS nothing, "
                + "[1, 2] AS list, 1.5::DOUBLE AS ratio, DATE '2026-01-31' AS day FROM sales_summary ORDER BY product",
                "--format", "json");

        assertEquals(0, r.exitCode(), r.all());
        assertEquals(List.of(row("apple", 40L, true), row("pear", 20L, false)), Json.parse(r.out()));
        assertEquals("[]\n", taskgraph.run("query", "out.db", "SELECT * FROM products WHERE false", "--format", "json")
                .out());
    }

    private static Map<String, Object> row(String product, long total, boolean big) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("product", product);
        row.put("total", total);
        row.put("big", big);
        row.put("nothing", null);
        row.put("list", List.of(1L, 2L));
        row.put("ratio", 1.5);
        row.put("day", "2026-01-31");
        return row;
    }

    @Test
    void theStatementCanComeFromStandardInput() throws Exception {
        Taskgraph.Result piped = taskgraph.runWithInput("SELECT profit FROM profit_report;\n", "query", "out.db",
                "--format", "csv");
        Taskgraph.Result dash = taskgraph.runWithInput("SELECT count(*) AS n FROM _trace", "query", "out.db", "-",
                "--format", "csv");

        assertEquals("profit\r\n35\r\n", piped.out(), piped.all());
        assertEquals("n\r\n5\r\n", dash.out(), dash.all());
    }

    @Test
    void onATerminalWithoutSqlItAsksForTheStatement() throws Exception {
        Taskgraph.Result typed = taskgraph.runOnTerminal("SELECT 6 * 7 AS answer\n\u0004", "query", "out.db");

        assertEquals(0, typed.exitCode(), typed.all());
        assertTrue(typed.out().contains("Type one SQL statement, then Ctrl-D on a line of its own"), typed.out());
        String shown = typed.out().replace("\r\n", "\n").replaceAll("\033\\[[0-9;]*m", "");
        assertTrue(shown.contains("answer\n──────\n    42\n1 row.\n"), typed.out());
        assertTrue(typed.out().contains("\033[1manswer"), "the header is bold on a terminal");
    }

    @Test
    void aStatementThatWouldWriteFailsWithExitTwoAndTheDatabasesMessage() throws Exception {
        Map<String, String> refusals = Map.of(
                "DROP VIEW profit_report", "taskgraph: Invalid Input Error: Cannot execute statement of type \"DROP\" "
                        + "on database \"out\" which is attached in read-only mode!",
                "CREATE TABLE copy AS SELECT * FROM products", "taskgraph: Invalid Input Error: Cannot execute "
                        + "statement of type \"CREATE\" on database \"out\" which is attached in read-only mode!",
                "COPY products TO 'leak.csv'", "taskgraph: Permission Error: Cannot access file \"leak.csv\" - file "
                        + "system operations are disabled by configuration");
        for (Map.Entry<String, String> refusal : refusals.entrySet()) {
            Taskgraph.Result r = taskgraph.run("query", "out.db", refusal.getKey());
            assertEquals(2, r.exitCode(), r.all());
            assertTrue(r.err().startsWith(refusal.getValue()), r.all());
            assertEquals("", r.out());
        }
        assertFalse(Files.exists(dir.resolve("leak.csv")));
    }

    @Test
    void aBadStatementSeveralStatementsOrAMissingFileExitTwoSayingWhy() throws Exception {
        Taskgraph.Result bad = taskgraph.run("query", "out.db", "SELECT nope FROM profit_report");
        assertEquals(2, bad.exitCode(), bad.all());
        assertTrue(bad.err().startsWith("taskgraph: Binder Error: Referenced column \"nope\" not found"), bad.all());
        assertTrue(bad.err().contains("LINE 1: SELECT nope FROM profit_report"), "the database's pointer to the error");

        Taskgraph.Result two = taskgraph.run("query", "out.db", "SELECT 1; DROP VIEW profit_report");
        assertEquals(2, two.exitCode(), two.all());
        assertTrue(two.err().contains("The SQL holds 2 statements; query runs one at a time."), two.all());

        Taskgraph.Result missing = taskgraph.run("query", "missing.db", "SELECT 1");
        assertEquals(2, missing.exitCode(), missing.all());
        assertEquals("taskgraph: The workspace file " + dir.resolve("missing.db") + " does not exist.\n", missing.err());
        assertFalse(Files.exists(dir.resolve("missing.db")), "a missing workspace is not created");

        Taskgraph.Result format = taskgraph.run("query", "out.db", "SELECT 1", "--format", "xml");
        assertEquals(2, format.exitCode(), format.all());
        assertEquals("taskgraph: Unknown format 'xml'; use table, csv or json.\n", format.err());
    }

    @Test
    void aReaderThatStopsEarlyEndsTheQueryQuietly() throws Exception {
        Taskgraph.Result r = new Taskgraph(dir).runShell("java -jar '" + Taskgraph.JAR + "' query out.db "
                + "'SELECT x FROM range(5000000) t(x)' --format csv | head -n 3; echo \"exit ${PIPESTATUS[0]}\"");

        assertEquals("x\r\n0\r\n1\r\nexit 0\n", r.out(), r.all());
        assertFalse(r.err().contains("Exception"), r.all());
    }
}
