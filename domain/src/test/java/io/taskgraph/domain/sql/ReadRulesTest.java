package io.taskgraph.domain.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.spec.TaskSpec;
import io.taskgraph.domain.sql.SqlReference.Argument;
import io.taskgraph.domain.sql.SqlReference.Function;
import io.taskgraph.domain.sql.SqlReference.Relation;
import io.taskgraph.domain.sql.SqlReference.Show;
import io.taskgraph.domain.sql.SqlReference.TableFunction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The read rules on references as DuckDB's parser reports them; the engine tests run them on real statements. */
class ReadRulesTest {
    private static final Set<String> BUILTINS = Set.of("range", "generate_series", "unnest", "read_text", "read_csv",
            "query", "query_table", "glob", "current_setting", "lower", "sum", "lpad", "rpad", "repeat", "list_resize",
            "printf", "format", "bar", "to_base", "duckdb_settings", "duckdb_tables", "duckdb_databases",
            "pragma_table_info", "list_value", "count_star", "checkpoint", "test_all_types");
    private static final Namespaces WORKSPACE = Namespaces.of(List.of(
            TaskSpec.agent("secret", "p", List.of("orders"), List.of("secret_out")),
            TaskSpec.agent("sandboxed", "p", List.of("base_view", "orders"), List.of("sandboxed_report")),
            TaskSpec.agent("base", "p", List.of("orders"), List.of("base_view"))), List.of("orders", "customers"));
    private static final ReadRules SANDBOXED = ReadRules.forTask(WORKSPACE.namespace("sandboxed"), "out", BUILTINS);
    private static final String READABLE = "Task 'sandboxed' may read its inputs base_view, orders; its own views and "
            + "macros (sandboxed_report or names starting with sandboxed_); and the catalog (DESCRIBE name, SHOW "
            + "TABLES, information_schema, duckdb_tables(), duckdb_views(), duckdb_columns(), duckdb_functions()).";

    private static Relation table(String... path) {
        return new Relation(List.of(path), false);
    }

    private static Function call(String name, Object... literals) {
        return new Function(List.of(name), Arrays.stream(literals)
                .map(v -> v == COMPUTED ? Argument.computed() : Argument.of(v)).toList());
    }

    private static final Object COMPUTED = new Object();

    private static Optional<String> judge(ReadRules rules, SqlReference reference) {
        return rules.refusal(List.of(reference));
    }

    private static String refused(ReadRules rules, SqlReference reference) {
        Optional<String> refusal = judge(rules, reference);
        assertTrue(refusal.isPresent(), () -> "expected a refusal of " + reference);
        return refusal.get();
    }

    private static void allowed(ReadRules rules, SqlReference reference) {
        assertEquals(Optional.empty(), judge(rules, reference), () -> "expected " + reference + " to be allowed");
    }

    // ---- tables and views --------------------------------------------------------------------------------

    @Test
    void aTaskReadsItsDeclaredInputsAndItsOwnViewsInAnyCaseAndQualification() {
        allowed(SANDBOXED, table("orders"));
        allowed(SANDBOXED, table("BASE_VIEW"));
        allowed(SANDBOXED, table("main", "orders"));
        allowed(SANDBOXED, table("out", "main", "base_view"));
        allowed(SANDBOXED, table("OUT", "orders"));
        allowed(SANDBOXED, table("sandboxed_helper"));
        allowed(SANDBOXED, table("temp", "main", "sandboxed_scratch"));
    }

    @Test
    void anotherTasksOutputIsRefusedNamingItsOwnerHowToDeclareItAndWhatMayBeRead() {
        assertEquals("Task 'sandboxed' may not read 'secret_out': it is an output of task 'secret'. If the task needs "
                + "it, add 'secret_out' to the task's \"inputs\" in the spec: an undeclared read would be a dependency "
                + "the scheduler and reruns cannot see. " + READABLE, refused(SANDBOXED, table("secret_out")));
        refused(SANDBOXED, table("SECRET_OUT"));
        refused(SANDBOXED, table("out", "main", "secret_out"));
        refused(SANDBOXED, table("temp", "main", "secret_out"));
        refused(SANDBOXED, table("secret_helper"));
    }

    @Test
    void undeclaredInputsAndMetadataTablesAreRefused() {
        assertTrue(refused(SANDBOXED, table("customers")).startsWith("Task 'sandboxed' may not read 'customers': it is "
                + "an input table. If the task needs it, add 'customers' to the task's \"inputs\""));
        for (String metadata : List.of("_trace", "_task_meta", "_workspace_meta")) {
            assertTrue(refused(SANDBOXED, table(metadata)).startsWith("Task 'sandboxed' may not read '" + metadata
                    + "': it is one of the workspace's metadata tables. Task 'sandboxed' may read"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/passwd", "data.csv", "sandboxed_x.parquet", "s3://bucket/x", "*", "~/x", "a\\b", ""})
    void aNameThatReadsLikeAFileIsRefused(String name) {
        assertTrue(refused(SANDBOXED, table(name)).startsWith("'" + name + "' names a file, and tasks cannot read files"));
        assertTrue(refused(ReadRules.forWorkspace("out", BUILTINS), table(name)).contains("names a file"));
    }

    @Test
    void otherDatabasesAndSchemasAreRefused() {
        assertTrue(refused(SANDBOXED, table("other", "orders")).startsWith("'other.orders' is in another database or "
                + "schema"));
        refused(SANDBOXED, table("other", "main", "orders"));
        refused(SANDBOXED, table("out", "other", "orders"));
    }

    @Test
    void theCatalogIsReadableButNothingThatShowsTheHostsSettingsOrPaths() {
        for (Relation view : List.of(table("information_schema", "tables"), table("information_schema", "columns"),
                table("duckdb_tables"), table("duckdb_views"), table("pg_class"), table("pg_catalog", "pg_views"),
                table("system", "main", "duckdb_columns"), table("sqlite_master"))) {
            allowed(SANDBOXED, view);
        }
        for (Relation view : List.of(table("duckdb_databases"), table("pragma_database_list"), table("pg_settings"),
                table("pg_catalog", "pg_settings"), table("system", "main", "duckdb_databases"))) {
            assertTrue(refused(SANDBOXED, view).contains("shows the host's settings, paths or files"), view.written());
        }
        assertTrue(refused(SANDBOXED, table("information_schema", "secrets")).contains("is not one of the catalog views"));
    }

    @Test
    void describeLooksAtColumnsOnlySoAnyWorkspaceObjectMayBeDescribed() {
        allowed(SANDBOXED, new Relation(List.of("secret_out"), true));
        allowed(SANDBOXED, new Relation(List.of("_trace"), true));
        refused(SANDBOXED, new Relation(List.of("/etc/passwd"), true));
    }

    // ---- functions ---------------------------------------------------------------------------------------

    @Test
    void generatorsCatalogListingsAndOwnTableMacrosMayBeCalled() {
        for (String name : List.of("range", "generate_series", "unnest", "duckdb_tables", "pragma_table_info",
                "sandboxed_rows")) {
            allowed(SANDBOXED, new TableFunction(List.of(name)));
        }
        allowed(SANDBOXED, new TableFunction(List.of("main", "sandboxed_rows")));
        allowed(SANDBOXED, new TableFunction(List.of("system", "main", "range")));
    }

    @Test
    void tableFunctionsThatReadByNameOrShowSettingsAreRefusedWithWhatMayBeCalled() {
        String readers = refused(SANDBOXED, new TableFunction(List.of("read_text")));
        assertEquals("read_text() reads data by name (files, globs or tables named by a string). Table functions "
                + "tasks may call: range, generate_series, unnest, repeat, repeat_row, json_each, json_tree, the "
                + "catalog listings (duckdb_tables, duckdb_views, duckdb_columns, duckdb_functions, pragma_table_info, "
                + "...) and the task's own table macros.", readers);
        for (String reader : List.of("read_csv", "query", "query_table", "glob", "checkpoint")) {
            assertTrue(refused(SANDBOXED, new TableFunction(List.of(reader))).contains("reads data by name"), reader);
        }
        assertTrue(refused(SANDBOXED, new TableFunction(List.of("duckdb_settings"))).startsWith("duckdb_settings() "
                + "shows the host's settings"));
        assertTrue(refused(SANDBOXED, new TableFunction(List.of("duckdb_databases"))).contains("shows the host's"));
        assertTrue(refused(SANDBOXED, new TableFunction(List.of("test_all_types"))).contains("is not available"));
        assertTrue(refused(SANDBOXED, new TableFunction(List.of("other", "main", "range"))).contains("another database"));
    }

    @Test
    void anotherTasksMacrosAndUnknownFunctionsMayNotBeCalled() {
        assertTrue(refused(SANDBOXED, new TableFunction(List.of("secret_rows"))).startsWith("secret_rows() is a macro "
                + "of task 'secret'; task 'sandboxed' may call built-in functions and its own macros only."));
        assertEquals("secret_double() is a macro of task 'secret'; task 'sandboxed' may call built-in functions and "
                + "its own macros only (sandboxed_report or names starting with sandboxed_).",
                refused(SANDBOXED, call("secret_double", COMPUTED)));
        assertTrue(refused(SANDBOXED, call("lenght", COMPUTED)).startsWith("lenght() is neither a built-in function "
                + "nor a macro of this task (check the spelling"));
        allowed(SANDBOXED, call("lower", COMPUTED));
        allowed(SANDBOXED, call("count_star"));
        allowed(SANDBOXED, call("sandboxed_clean", COMPUTED));
    }

    @Test
    void settingsAndTheEnvironmentAreNotReadableThroughFunctions() {
        for (String name : List.of("current_setting", "getenv", "getvariable")) {
            assertTrue(refused(SANDBOXED, call(name, "temp_directory")).contains("reveals the database's settings"), name);
            assertTrue(refused(ReadRules.forWorkspace("out", BUILTINS), call(name, "x")).contains("reveals"), name);
        }
    }

    @Test
    void showTablesIsAllowedButNotOtherShows() {
        allowed(SANDBOXED, new Show("\"tables\""));
        allowed(SANDBOXED, new Show("__show_tables_expanded"));
        assertEquals(Optional.of("SHOW DATABASES is not available to tasks: use SHOW TABLES, DESCRIBE name, or SELECT "
                + "* FROM duckdb_tables()."), judge(SANDBOXED, new Show("\"databases\"")));
    }

    // ---- the size of built values ------------------------------------------------------------------------

    @Test
    void aListBuiltByRangeNeedsAWrittenSizeWithinTheCap() {
        allowed(SANDBOXED, call("range", BigInteger.valueOf(10)));
        allowed(SANDBOXED, call("generate_series", BigInteger.ONE, BigInteger.valueOf(9_999)));
        allowed(SANDBOXED, call("range", BigInteger.ZERO, new BigInteger("1000000"), BigInteger.valueOf(1000)));
        String huge = refused(SANDBOXED, call("range", new BigInteger("1000000000")));
        assertTrue(huge.startsWith("range(...) as a list would hold about 1000000001 elements, more than 10,000. "
                + "Functions that build a list or string of a given size"), huge);
        assertTrue(huge.contains("SELECT x FROM range(1000000) t(x)"), huge);
        assertTrue(huge.contains("LATERAL generate_series(t.first_day, t.last_day, INTERVAL 1 DAY)"), huge);
        assertTrue(refused(SANDBOXED, call("range", new BigDecimal("1e9"))).contains("more than 10,000"));
        assertTrue(refused(SANDBOXED, call("range", COMPUTED)).startsWith("range(...) as a list needs its bounds "
                + "written as numbers."));
        assertTrue(refused(SANDBOXED, call("generate_series", "2024-01-01", "2025-01-01", COMPUTED))
                .contains("needs its bounds written as numbers"));
        allowed(SANDBOXED, new TableFunction(List.of("range")));
    }

    @Test
    void paddingResizingAndRepeatingNeedWrittenSizesWithinTheCap() {
        allowed(SANDBOXED, call("lpad", COMPUTED, BigInteger.valueOf(10), "0"));
        assertTrue(refused(SANDBOXED, call("rpad", COMPUTED, BigInteger.valueOf(100_000_000), " "))
                .startsWith("rpad(...) asks for the length 100000000, more than 10,000."));
        assertTrue(refused(SANDBOXED, call("lpad", COMPUTED, COMPUTED, "0")).startsWith("lpad(...) needs the length "
                + "written as a number."));
        allowed(SANDBOXED, call("list_resize", COMPUTED, BigInteger.valueOf(5)));
        refused(SANDBOXED, call("list_resize", COMPUTED, BigInteger.valueOf(100_000_000)));
        allowed(SANDBOXED, call("repeat", "-", BigInteger.valueOf(80)));
        assertTrue(refused(SANDBOXED, call("repeat", "ab", BigInteger.valueOf(6_000)))
                .startsWith("repeat(...) would build 12000 characters"));
        allowed(SANDBOXED, call("repeat", COMPUTED, BigInteger.valueOf(10)));
        assertTrue(refused(SANDBOXED, call("repeat", COMPUTED, BigInteger.valueOf(11)))
                .startsWith("repeat(...) of a computed value may make at most 10 copies, not 11."));
        allowed(SANDBOXED, call("bar", COMPUTED, BigInteger.ZERO, BigInteger.TEN));
        refused(SANDBOXED, call("bar", COMPUTED, BigInteger.ZERO, BigInteger.TEN, BigInteger.valueOf(1_000_000)));
        refused(SANDBOXED, call("to_base", COMPUTED, BigInteger.TWO, BigInteger.valueOf(1_000_000)));
    }

    @Test
    void insideALambdaABuilderWouldRunOncePerElementSoItIsRefused() {
        Function perElement = new Function(List.of("range"), List.of(Argument.of(BigInteger.valueOf(3000))), true);

        assertTrue(refused(SANDBOXED, perElement).startsWith("range(...) inside a lambda runs once for every element of "
                + "the list, all within one call, so its size limit would multiply."), refused(SANDBOXED, perElement));
        refused(SANDBOXED, new Function(List.of("repeat"), List.of(Argument.of("x"), Argument.of(BigInteger.TWO)), true));
        allowed(SANDBOXED, new Function(List.of("lower"), List.of(Argument.computed()), true));
    }

    @Test
    void foldsAreRefusedBecauseTheirAccumulatorGrowsInsideOneCall() {
        for (String fold : List.of("list_reduce", "array_reduce", "reduce")) {
            ReadRules rules = ReadRules.forTask(WORKSPACE.namespace("sandboxed"), "out", Set.of(fold));
            assertEquals(Optional.of(fold + "(...) folds a list in one call that cannot be interrupted, and its "
                    + "accumulator can grow at every element. Use list_sum, list_aggregate or an aggregate over "
                    + "unnest(...) instead."), judge(rules, call(fold, COMPUTED, COMPUTED)));
        }
    }

    @Test
    void formatWidthsArePaddingToo() {
        allowed(SANDBOXED, call("printf", "%05d and %-8s and %.2f and 100%%", COMPUTED));
        allowed(SANDBOXED, call("format", "{:>10} {:08.3f} {} {{literal}}", COMPUTED));
        assertTrue(refused(SANDBOXED, call("printf", "%1000000000d", COMPUTED))
                .startsWith("printf(...) has the field width or precision 1000000000 in its format string."));
        assertTrue(refused(SANDBOXED, call("printf", "%.99999s", COMPUTED)).contains("99999"));
        assertTrue(refused(SANDBOXED, call("printf", "%*d", COMPUTED, COMPUTED)).contains("taken from an argument (*)"));
        assertTrue(refused(SANDBOXED, call("format", "{:>100000}", COMPUTED)).contains("100000"));
        assertTrue(refused(SANDBOXED, call("format", "{:{}}", COMPUTED, COMPUTED)).contains("taken from an argument"));
        assertTrue(refused(SANDBOXED, call("format", COMPUTED, COMPUTED)).startsWith("format(...) needs its format "
                + "string written in the statement."));
    }

    // ---- stored objects and the whole workspace ----------------------------------------------------------

    @Test
    void aStoredObjectMayNotUseTheSessionsTemporaryObjects() {
        ReadRules stored = SANDBOXED.forStoredObjectOf(Set.of("sandboxed_tmp", "Sandboxed_Src"));

        assertTrue(refused(stored, table("sandboxed_tmp")).startsWith("A stored view or macro may not use "
                + "'sandboxed_tmp', a temporary object of this session"));
        assertTrue(refused(stored, new TableFunction(List.of("sandboxed_src"))).startsWith("A stored view or macro may "
                + "not call sandboxed_src(), a temporary macro of this session"));
        refused(stored, table("temp", "main", "sandboxed_other"));
        refused(stored, new TableFunction(List.of("temp", "main", "sandboxed_other")));
        allowed(stored, table("sandboxed_report"));
        allowed(SANDBOXED, table("sandboxed_tmp"));
    }

    @Test
    void everyStoredObjectOfAWorkspaceMayReadTheWorkspaceButNothingOutsideIt() {
        ReadRules workspace = ReadRules.forWorkspace("out", BUILTINS);

        allowed(workspace, table("secret_out"));
        allowed(workspace, table("customers"));
        allowed(workspace, new TableFunction(List.of("anybody_rows")));
        allowed(workspace, call("anybody_double", COMPUTED));
        refused(workspace, new TableFunction(List.of("read_text")));
        refused(workspace, new TableFunction(List.of("duckdb_settings")));
        refused(workspace, call("range", new BigInteger("1000000000")));
        assertTrue(refused(workspace, table("other", "main", "x")).endsWith("Stored views and macros may read the "
                + "workspace's tables and views and the catalog (DESCRIBE name, SHOW TABLES, information_schema, "
                + "duckdb_tables(), duckdb_views(), duckdb_columns(), duckdb_functions())."));
    }

    @Test
    void aMacroMayNotTakeTheNameOfABuiltInFunction() {
        assertEquals(Optional.of("'READ_TEXT' is the name of a built-in function, and a macro of that name would replace "
                + "it in every query of the workspace. Choose another name, e.g. sandboxed_READ_TEXT."),
                SANDBOXED.macroNameProblem("READ_TEXT"));
        assertEquals(Optional.empty(), SANDBOXED.macroNameProblem("sandboxed_clean"));
        assertTrue(ReadRules.forWorkspace("out", BUILTINS).macroNameProblem("list_value").isPresent());
    }

    @Test
    void theFirstRefusalWins() {
        assertEquals(judge(SANDBOXED, table("customers")), SANDBOXED.refusal(List.of(table("orders"), table("customers"),
                new TableFunction(List.of("read_text")))));
        assertEquals(Optional.empty(), SANDBOXED.refusal(List.of()));
    }
}
