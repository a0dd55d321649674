package io.taskgraph.adapters.duckdb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.sql.StatementResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attacks that try to leave something in the {@code .db} that reads outside it later, when a stock DuckDB (external
 * access on) opens the file: the issue's view over a macro that is swapped for a file reader, and every variant of
 * that class. Each attack runs with all sandbox layers (the statement-level read rules refuse first), and again with
 * each later layer alone that is meant to stop that class on its own; after it, the file is opened with a plain DuckDB connection that selects from every view and
 * calls every macro, and nothing may have read the canary file or shown a host path.
 */
class LeftBehindAttackTest {
    private static final String READER = "CREATE OR REPLACE MACRO sales_src(p := '{canary}') AS TABLE "
            + "SELECT content FROM read_text(p)";
    private static final String HARMLESS = "CREATE OR REPLACE MACRO sales_src() AS TABLE SELECT 'x' AS content";

    @TempDir
    Path dir;

    /**
     * An attack: statements one agent sends in order; at least one must be refused. {@code throughAView}: it works
     * through a view, which rebinding alone must catch; {@code inTheBody}: what it hides is in a view's or macro's
     * body, which the stored definitions alone must catch (DuckDB's catalog does not show parameter defaults).
     */
    record Attack(String name, String task, List<String> statements, boolean throughAView, boolean inTheBody) {
        Attack(String name, String task, List<String> statements, boolean throughAView) {
            this(name, task, statements, throughAView, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Attack> attacks() {
        return List.of(
                new Attack("the issue's bomb: a view over a macro replaced by a file reader", "sales", List.of(
                        HARMLESS, "CREATE OR REPLACE VIEW sales_out AS SELECT content FROM sales_src()", READER), true),
                new Attack("a scalar macro replaced by a subquery reading a file", "sales", List.of(
                        "CREATE MACRO sales_s() AS 'x'", "CREATE VIEW sales_out AS SELECT sales_s() AS content",
                        "CREATE OR REPLACE MACRO sales_s(p := '{canary}') AS (SELECT content FROM read_text(p))"), true),
                new Attack("nested macros: the inner one is replaced", "sales", List.of(
                        "CREATE MACRO sales_inner() AS TABLE SELECT 'x' AS content",
                        "CREATE MACRO sales_outer() AS TABLE SELECT * FROM sales_inner()",
                        "CREATE VIEW sales_out AS SELECT * FROM sales_outer()",
                        "CREATE OR REPLACE MACRO sales_inner(p := '{canary}') AS TABLE SELECT content FROM read_text(p)"),
                        true),
                new Attack("a view over a view over the macro", "sales", List.of(HARMLESS,
                        "CREATE VIEW sales_v1 AS SELECT * FROM sales_src()", "CREATE VIEW sales_out AS SELECT * FROM sales_v1",
                        READER), true),
                new Attack("the macro is dropped, then created again as a reader", "sales", List.of(HARMLESS,
                        "CREATE VIEW sales_out AS SELECT * FROM sales_src()", "DROP MACRO TABLE sales_src",
                        "CREATE MACRO sales_src(p := '{canary}') AS TABLE SELECT content FROM read_text(p)"), true),
                new Attack("upper-case and quoted names", "sales", List.of(
                        "CREATE MACRO \"Sales_Src\"() AS TABLE SELECT 'x' AS content",
                        "CREATE VIEW SALES_OUT AS SELECT content FROM SALES_SRC()",
                        "CREATE OR REPLACE MACRO \"SALES_SRC\"(p := '{canary}') AS TABLE SELECT content FROM read_text(p)"),
                        true),
                new Attack("a reader behind a lateral join and a subquery", "sales", List.of(HARMLESS,
                        "CREATE VIEW sales_out AS SELECT * FROM sales_src()",
                        "CREATE OR REPLACE MACRO sales_src(p := '{canary}') AS TABLE SELECT o.region, r.content "
                                + "FROM orders o, LATERAL (SELECT * FROM (SELECT content FROM read_text(p))) r"), true),
                new Attack("a CSV read through query_table and a macro parameter", "sales", List.of(HARMLESS,
                        "CREATE VIEW sales_out AS SELECT * FROM sales_src()",
                        "CREATE OR REPLACE MACRO sales_src(t := '{canary_csv}') AS TABLE SELECT * FROM query_table(t)"),
                        true),
                new Attack("query() with the SQL in a default", "sales", List.of(HARMLESS,
                        "CREATE VIEW sales_out AS SELECT * FROM sales_src()",
                        "CREATE OR REPLACE MACRO sales_src(q := 'SELECT content FROM read_text(''{canary}'')') AS TABLE "
                                + "SELECT * FROM query(q)"), true),
                new Attack("a TEMP macro shadows the name while the stored view is made", "sales", List.of(
                        "CREATE TEMP MACRO sales_src() AS TABLE SELECT 'x' AS content",
                        "CREATE VIEW sales_out AS SELECT content FROM sales_src()", READER), false),
                new Attack("a table macro alone, called later with its defaults", "sales", List.of(READER), false),
                new Attack("the workspace's own WAL through read_blob", "sales", List.of(
                        "CREATE MACRO sales_w(p := '{wal}') AS TABLE SELECT content FROM read_blob(p)"), false),
                new Attack("a file by name: a replacement scan", "sales", List.of(
                        "CREATE VIEW sales_out AS SELECT * FROM '{canary_csv}'",
                        "CREATE VIEW sales_out AS SELECT * FROM \"{canary_csv}\"",
                        "CREATE VIEW \"sales_c.csv\" AS SELECT 1 AS x"), false),
                new Attack("settings that show host paths", "sales", List.of(
                        "CREATE VIEW sales_out AS SELECT current_setting('temp_directory') AS content",
                        "CREATE VIEW sales_db AS SELECT path FROM duckdb_databases()",
                        "CREATE VIEW sales_db2 AS SELECT * FROM duckdb_databases",
                        "CREATE VIEW sales_list AS SELECT * FROM pragma_database_list",
                        "CREATE VIEW sales_set AS SELECT * FROM duckdb_settings()",
                        "CREATE VIEW sales_pg AS SELECT * FROM pg_settings"), false),
                new Attack("a setting in a macro parameter's default", "sales", List.of(
                        "CREATE MACRO sales_h(p := current_setting('temp_directory')) AS p"), false, false),
                new Attack("a macro named like a built-in reader", "list", List.of(
                        "CREATE MACRO list_value(x) AS TABLE SELECT '{canary}' AS content",
                        "CREATE MACRO list_value(x) AS 'x'"), false));
    }

    static Stream<Arguments> attacksWithTheirLayers() {
        Set<SandboxLayer> all = EnumSet.allOf(SandboxLayer.class);
        List<Arguments> cases = new ArrayList<>();
        for (Attack attack : attacks()) {
            cases.add(Arguments.of(attack, "all layers", all));
            if (attack.inTheBody()) {
                cases.add(Arguments.of(attack, "stored definitions alone", EnumSet.of(SandboxLayer.STORED_DEFINITIONS)));
            }
            if (attack.throughAView()) {
                cases.add(Arguments.of(attack, "rebinding alone", EnumSet.of(SandboxLayer.REBIND_DEPENDENTS)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("attacksWithTheirLayers")
    void nothingLeftInTheFileReadsOutsideIt(Attack attack, String label, Set<SandboxLayer> layers) {
        try (SandboxWorkspace sandbox = new SandboxWorkspace(dir, DuckDbSettings.defaults().withLayers(layers))) {
            List<StatementResult> results = sandbox.run(attack.task(), attack.statements().toArray(String[]::new));

            assertTrue(results.stream().anyMatch(r -> !r.success()), () -> "every statement was accepted: " + results);
            for (StatementResult result : results) {
                assertFalse(result.toolJson().contains(sandbox.canary), result.toolJson());
            }
            sandbox.assertCleanForAStockDuckDb();
        }
    }

    @Test
    void theIssuesBombIsRefusedAtTheMacroWithAMessageSayingWhy() {
        try (SandboxWorkspace sandbox = new SandboxWorkspace(dir, DuckDbSettings.defaults())) {
            List<StatementResult> results = sandbox.run("sales", HARMLESS,
                    "CREATE OR REPLACE VIEW sales_out AS SELECT content FROM sales_src()", READER);

            assertTrue(results.get(0).success() && results.get(1).success(), results.toString());
            assertFalse(results.get(2).success());
            assertTrue(results.get(2).error().startsWith("In the body of the table macro: read_text() reads data by "
                    + "name (files, globs or tables named by a string). Table functions tasks may call: range, "
                    + "generate_series, unnest"), results.get(2).error());
            sandbox.assertCleanForAStockDuckDb();
        }
    }

    @Test
    void aStoredViewOverATemporaryMacroIsRefusedBecauseTheNextConnectionResolvesTheNameElsewhere() {
        try (SandboxWorkspace sandbox = new SandboxWorkspace(dir, DuckDbSettings.defaults())) {
            List<StatementResult> results = sandbox.run("sales",
                    "CREATE TEMP MACRO sales_src() AS TABLE SELECT 'x' AS content",
                    "CREATE VIEW sales_out AS SELECT content FROM sales_src()",
                    "CREATE TEMP VIEW sales_tmp AS SELECT 1 AS x",
                    "CREATE VIEW sales_out2 AS SELECT * FROM sales_tmp",
                    "SELECT * FROM sales_src()");

            assertTrue(results.get(0).success(), results.get(0).toolJson());
            assertTrue(results.get(1).error().contains("A stored view or macro may not call sales_src(), a temporary "
                    + "macro of this session"), results.get(1).error());
            assertTrue(results.get(3).error().contains("may not use 'sales_tmp', a temporary object"),
                    results.get(3).error());
            assertTrue(results.get(4).success(), "the temporary macro itself stays usable: " + results.get(4).toolJson());
            sandbox.assertCleanForAStockDuckDb();
        }
    }

    @Test
    void theCheckFindsACanaryReaderLeftByHandSoItCanFail() {
        SandboxWorkspace sandbox = new SandboxWorkspace(dir, DuckDbSettings.defaults());
        sandbox.close();
        Fixtures.plainDuckDb(sandbox.file, "CREATE MACRO sales_src(p := '" + sandbox.canaryText
                + "') AS TABLE SELECT content FROM read_text(p)", "CREATE VIEW sales_out AS SELECT * FROM sales_src()");

        List<String> shown = StockDuckDb.everythingItShows(sandbox.file);

        assertTrue(shown.stream().anyMatch(v -> v.contains(sandbox.canary)), shown.toString());
    }
}
