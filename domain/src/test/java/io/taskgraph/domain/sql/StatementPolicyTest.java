package io.taskgraph.domain.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskgraph.domain.sql.StatementVerdict.Allowed;
import io.taskgraph.domain.sql.StatementVerdict.Denied;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatementPolicyTest {
    private static final Namespace MINE = new Namespace("mine", List.of("report", "totals"));
    private static final String ALLOWED = "Allowed, one statement per call: queries (SELECT, WITH, VALUES, FROM, "
            + "TABLE, SUMMARIZE, DESCRIBE, SHOW, EXPLAIN, PIVOT, UNPIVOT); CREATE [OR REPLACE] [TEMP] VIEW or MACRO "
            + "and DROP VIEW or MACRO [IF EXISTS], named report, totals or names starting with mine_.";

    private static Allowed allowed(String sql) {
        StatementVerdict verdict = StatementPolicy.evaluate(sql, MINE);
        return assertInstanceOf(Allowed.class, verdict, () -> "expected allowed: " + sql + " -> " + verdict);
    }

    private static String denied(String sql) {
        StatementVerdict verdict = StatementPolicy.evaluate(sql, MINE);
        Denied denied = assertInstanceOf(Denied.class, verdict, () -> "expected denied: " + sql);
        assertTrue(denied.reason().endsWith(ALLOWED), () -> "every denial ends with what is allowed: " + denied);
        return denied.reason();
    }

    private static void assertDeniedWith(String sql, String expectedStart) {
        String reason = denied(sql);
        assertTrue(reason.startsWith(expectedStart), () -> "reason for `" + sql + "` was: " + reason);
    }

    // --- queries --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM sales",
        "select 1",
        "  -- leading comment\nSELECT 1 /* inline */ ;  ;\n-- trailing comment",
        "WITH a AS (SELECT 1 AS x), b(y) AS MATERIALIZED (FROM a) SELECT * FROM b",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT * FROM r",
        "WITH x AS NOT MATERIALIZED (SELECT 1) (SELECT * FROM x)",
        "WITH x USING KEY (k) AS (SELECT 1 AS k) FROM x",
        "VALUES (1, 'a'), (2, 'b')",
        "FROM sales SELECT region, sum(amount) GROUP BY ALL",
        "TABLE sales",
        "SUMMARIZE sales",
        "SUMMARIZE SELECT * FROM sales",
        "DESCRIBE sales",
        "DESCRIBE SELECT 1",
        "DESC sales",
        "SHOW TABLES",
        "SHOW ALL TABLES",
        "EXPLAIN SELECT 1",
        "EXPLAIN ANALYZE SELECT count(*) FROM sales",
        "EXPLAIN (FORMAT json) SELECT 1",
        "EXPLAIN (SELECT 1)",
        "PIVOT sales ON region USING sum(amount)",
        "UNPIVOT wide ON COLUMNS(* EXCLUDE id) INTO NAME k VALUE v",
        "(SELECT 1) UNION ALL (SELECT 2)",
        "SELECT 1 AS start, 2 AS load, 3 AS import, 4 AS update, 5 AS delete, count(set) FROM t",
        "SELECT * FROM sales WHERE note = 'DROP TABLE x; INSERT INTO y VALUES (1)'",
        "SELECT $$; DROP TABLE sales; $$ AS text",
        "SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) AS sub",
        "SELECT CAST(ts AS TIMESTAMP WITH TIME ZONE) FROM sales",
    })
    void selectLikeQueriesAreAllowedAsQueries(String sql) {
        Allowed verdict = allowed(sql);
        assertEquals(StatementKind.QUERY, verdict.kind());
        assertNull(verdict.objectName());
    }

    // --- CREATE / DROP inside the namespace -------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CREATE VIEW report AS SELECT 1                                         | CREATE_VIEW | report",
        "create or replace view mine_step1 as select 1                          | CREATE_VIEW | mine_step1",
        "CREATE TEMP VIEW mine_scratch AS SELECT 1                              | CREATE_VIEW | mine_scratch",
        "CREATE OR REPLACE TEMPORARY VIEW mine_scratch AS SELECT 1              | CREATE_VIEW | mine_scratch",
        "CREATE VIEW IF NOT EXISTS totals AS SELECT 1                           | CREATE_VIEW | totals",
        "CREATE VIEW REPORT (a, b) AS SELECT 1, 2                               | CREATE_VIEW | REPORT",
        "CREATE VIEW \"Report\" AS SELECT 1                                     | CREATE_VIEW | Report",
        "CREATE VIEW main.report AS SELECT 1                                    | CREATE_VIEW | report",
        "CREATE VIEW \"main\".\"mine_x\" AS SELECT 1                            | CREATE_VIEW | mine_x",
        "CREATE VIEW MAIN.mine_x AS WITH a AS (SELECT 1) SELECT * FROM a        | CREATE_VIEW | mine_x",
        "CREATE VIEW mine_x AS (SELECT 1) UNION (SELECT 2)                      | CREATE_VIEW | mine_x",
        "CREATE MACRO mine_add(a, b) AS a + b                                   | CREATE_MACRO | mine_add",
        "CREATE OR REPLACE TEMP MACRO mine_m(a) AS a, (a, b) AS a + b           | CREATE_MACRO | mine_m",
        "CREATE FUNCTION mine_f(x) AS x * 2                                     | CREATE_MACRO | mine_f",
        "CREATE MACRO IF NOT EXISTS mine_t(n) AS TABLE SELECT * FROM range(n)   | CREATE_MACRO | mine_t",
        "DROP VIEW report                                                       | DROP_VIEW | report",
        "DROP VIEW IF EXISTS main.mine_x                                        | DROP_VIEW | mine_x",
        "DROP VIEW mine_x RESTRICT                                              | DROP_VIEW | mine_x",
        "DROP MACRO mine_m                                                      | DROP_MACRO | mine_m",
        "DROP MACRO TABLE IF EXISTS mine_t                                      | DROP_MACRO | mine_t",
        "DROP FUNCTION \"mine_f\"                                               | DROP_MACRO | mine_f",
    })
    void createAndDropOfViewsAndMacrosInTheNamespaceAreAllowed(String sql, StatementKind kind, String name) {
        Allowed verdict = allowed(sql);
        assertEquals(kind, verdict.kind());
        assertEquals(name, verdict.objectName());
    }

    @Test
    void nameInACommentBeforeTheRealNameDoesNotCount() {
        assertEquals("mine_x", allowed("CREATE VIEW /* other_task_x */ mine_x AS SELECT 1").objectName());
        assertEquals("mine_x", allowed("CREATE VIEW -- other_x\n mine_x AS SELECT 1").objectName());
    }

    @Test
    void allowedNameInACommentDoesNotHideAForeignTarget() {
        assertDeniedWith("CREATE VIEW other_x /* mine_x */ AS SELECT 1",
                "CREATE VIEW other_x is outside the namespace of task 'mine'");
        assertDeniedWith("CREATE VIEW -- mine_x\n other_x AS SELECT 1",
                "CREATE VIEW other_x is outside the namespace of task 'mine'");
        assertDeniedWith("CREATE VIEW other_x AS SELECT 'mine_x' AS mine_x",
                "CREATE VIEW other_x is outside the namespace of task 'mine'");
    }

    @Test
    void namespaceViolationSaysWhichNamesAreAllowedAndSuggestsOne() {
        assertEquals("CREATE VIEW sales_summary is outside the namespace of task 'mine': it may only create or drop "
                        + "views and macros named report, totals or names starting with mine_. Rename it, e.g. "
                        + "mine_sales_summary. " + ALLOWED,
                denied("CREATE VIEW sales_summary AS SELECT 1"));
    }

    @Test
    void everyCreateAndDropFormChecksTheNamespace() {
        assertDeniedWith("CREATE OR REPLACE TEMP VIEW other AS SELECT 1", "CREATE TEMP VIEW other is outside");
        assertDeniedWith("CREATE OR REPLACE TEMP VIEW Report AS SELECT 1", "'Report' is a declared output, and a TEMP "
                + "view disappears when this task's session ends. Create it without TEMP: CREATE OR REPLACE VIEW Report");
        assertDeniedWith("CREATE MACRO other_m(a) AS a", "CREATE MACRO other_m is outside");
        assertDeniedWith("CREATE FUNCTION other_f(a) AS a", "CREATE FUNCTION other_f is outside");
        assertDeniedWith("DROP VIEW other_x", "DROP VIEW other_x is outside");
        assertDeniedWith("DROP VIEW IF EXISTS \"Other_X\"", "DROP VIEW \"Other_X\" is outside");
        assertDeniedWith("DROP MACRO TABLE other_t", "DROP MACRO TABLE other_t is outside");
        assertDeniedWith("CREATE VIEW minex AS SELECT 1", "CREATE VIEW minex is outside",
                "the prefix is the task name plus an underscore");
    }

    private static void assertDeniedWith(String sql, String expectedStart, String why) {
        String reason = denied(sql);
        assertTrue(reason.startsWith(expectedStart), () -> why + "; reason for `" + sql + "` was: " + reason);
    }

    @Test
    void aNameThatReadsLikeAFilePathCannotBeCreatedButALeftoverCanBeDropped() {
        assertDeniedWith("CREATE VIEW \"mine_x.csv\" AS SELECT 1", "CREATE VIEW \"mine_x.csv\": a name with . / \\ : * "
                + "? [ ] { } or ~ reads like a file path to DuckDB. Use letters, digits and underscores, e.g. mine_x_csv.");
        assertDeniedWith("CREATE MACRO \"mine_/tmp/m\"() AS 1", "CREATE MACRO \"mine_/tmp/m\": a name with");
        assertDeniedWith("CREATE VIEW \"x.parquet\" AS SELECT 1", "CREATE VIEW \"x.parquet\": a name with . / \\ : * "
                + "? [ ] { } or ~ reads like a file path to DuckDB. Use letters, digits and underscores, e.g. mine_x_parquet.");
        assertEquals("mine_x.csv", allowed("DROP VIEW IF EXISTS \"mine_x.csv\"").objectName());
    }

    @Test
    void aNameAnotherTaskOwnsIsRefusedNamingItsOwner() {
        Namespaces workspace = Namespaces.of(List.of(
                io.taskgraph.domain.spec.TaskSpec.agent("up", "p", List.of("t"), List.of("down_table")),
                io.taskgraph.domain.spec.TaskSpec.agent("down", "p", List.of("t"), List.of("down_report"))), List.of("t"));
        StatementVerdict verdict = StatementPolicy.evaluate("CREATE OR REPLACE VIEW down_table AS SELECT 666 AS id",
                workspace.namespace("down"));

        assertTrue(((Denied) verdict).reason().startsWith("CREATE VIEW down_table is outside the namespace of task "
                + "'down': it is an output of task 'up', and task 'down' may only create or drop views and macros named "
                + "down_report or names starting with down_ (except down_table (an output of task up))."),
                ((Denied) verdict).reason());
        assertInstanceOf(Denied.class, StatementPolicy.evaluate("DROP VIEW \"DOWN_TABLE\"", workspace.namespace("down")));
        assertInstanceOf(Allowed.class, StatementPolicy.evaluate("CREATE VIEW down_table AS SELECT 1 AS id",
                workspace.namespace("up")));
    }

    @Test
    void quotedNamesAreComparedUnquotedAndWithoutCase() {
        assertEquals("MINE_X", allowed("CREATE VIEW \"MINE_X\" AS SELECT 1").objectName());
        assertEquals("mine_a \"b\"", allowed("CREATE VIEW \"mine_a \"\"b\"\"\" AS SELECT 1").objectName());
    }

    @Test
    void nameQualifiedWithAnotherSchemaIsDenied() {
        assertEquals("CREATE VIEW other.mine_x targets schema or database 'other'; tasks work only in the "
                        + "workspace's main schema. Write the name unqualified: mine_x. " + ALLOWED,
                denied("CREATE VIEW other.mine_x AS SELECT 1"));
        assertDeniedWith("CREATE VIEW \"sales\".\"report\" AS SELECT 1", "CREATE VIEW \"sales\".\"report\" targets schema");
        assertDeniedWith("CREATE TEMP VIEW temp.mine_x AS SELECT 1", "CREATE TEMP VIEW temp.mine_x targets schema");
        assertDeniedWith("DROP VIEW memory.report", "DROP VIEW memory.report targets schema or database 'memory'");
    }

    @Test
    void nameQualifiedWithACatalogIsDenied() {
        assertEquals("CREATE VIEW memory.main.mine_x names a database ('memory') explicitly; tasks work only in the "
                        + "workspace's main schema. Write the name unqualified: mine_x. " + ALLOWED,
                denied("CREATE VIEW memory.main.mine_x AS SELECT 1"));
        assertDeniedWith("DROP MACRO \"other\".\"main\".mine_m", "DROP MACRO \"other\".\"main\".mine_m names a database");
    }

    @Test
    void emptyQuotedNameIsDenied() {
        assertDeniedWith("CREATE VIEW \"\" AS SELECT 1", "CREATE VIEW \"\" uses an empty quoted name");
    }

    // --- one statement per call -----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n\t "})
    void emptyTextIsDenied(String sql) {
        assertDeniedWith(sql, "The SQL text is empty; send exactly one statement.");
    }

    @Test
    void nullTextIsDenied() {
        assertInstanceOf(Denied.class, StatementPolicy.evaluate(null, MINE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-- just a comment", ";", " ; ; /* nothing */ ;"})
    void textWithoutAStatementIsDenied(String sql) {
        assertDeniedWith(sql, "The SQL text holds no statement, only comments or semicolons");
    }

    @Test
    void secondStatementIsDeniedAndQuoted() {
        assertEquals("Only one statement per call: this text holds 2 statements (the second starts at `SELECT 2`). "
                + "Send each statement in its own call. " + ALLOWED, denied("SELECT 1; SELECT 2;"));
        assertDeniedWith("CREATE VIEW mine_x AS SELECT 1;\nDROP TABLE sales",
                "Only one statement per call: this text holds 2 statements (the second starts at `DROP TABLE sales`)");
        assertDeniedWith("SELECT 1; SELECT 2; SELECT 3", "Only one statement per call: this text holds 3 statements");
    }

    @Test
    void semicolonsInsideStringsQuotesAndCommentsDoNotSplit() {
        allowed("SELECT ';' AS a, \";\" FROM t /* ; */ -- ;\n");
        allowed("CREATE MACRO mine_m() AS $body$ ; $body$");
        allowed("SELECT E'\\'; DROP TABLE t; --' AS a");
    }

    @Test
    void unterminatedTextIsDeniedWithTheLexersMessage() {
        assertDeniedWith("SELECT 'abc", "The SQL has an unterminated string literal starting at line 1, column 8");
        assertDeniedWith("SELECT 1 /* a /* b */; DROP TABLE t", "The SQL has an unterminated /* comment");
    }

    @Test
    void unbalancedParenthesesAreDenied() {
        assertDeniedWith("SELECT (1", "The parentheses do not balance: 1 `(` never closed.");
        assertDeniedWith("SELECT 1)", "The parentheses do not balance: a `)` at offset 8 closes nothing.");
    }

    // --- denied statement classes ---------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "CREATE TABLE t (a INT)                                   | CREATE TABLE is not allowed",
        "CREATE TABLE mine_x AS SELECT 1                          | CREATE TABLE is not allowed (also as CREATE TABLE ... AS SELECT)",
        "CREATE OR REPLACE TEMP TABLE report AS SELECT 1          | CREATE TABLE is not allowed",
        "INSERT INTO t VALUES (1)                                 | INSERT changes the rows of a table",
        "UPDATE t SET a = 1                                       | UPDATE changes the rows of a table",
        "DELETE FROM t                                            | DELETE changes the rows of a table",
        "MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN DELETE | MERGE changes the rows of a table",
        "TRUNCATE t                                               | TRUNCATE changes the rows of a table",
        "ALTER VIEW report RENAME TO mine_y                       | ALTER changes an existing object",
        "ATTACH 'other.db' AS other                               | ATTACH changes which databases",
        "DETACH other                                             | DETACH changes which databases",
        "USE other                                                | USE changes which databases",
        "COPY t TO 'out.csv'                                      | COPY reads or writes files",
        "EXPORT DATABASE 'dir'                                    | EXPORT reads or writes files",
        "IMPORT DATABASE 'dir'                                    | IMPORT reads or writes files",
        "INSTALL httpfs                                           | INSTALL installs or loads extensions",
        "LOAD httpfs                                              | LOAD installs or loads extensions",
        "FORCE INSTALL httpfs                                     | INSTALL installs or loads extensions",
        "SET threads = 1                                          | SET changes database settings",
        "SET VARIABLE x = 1                                       | SET changes database settings",
        "RESET threads                                            | RESET changes database settings",
        "PRAGMA enable_profiling                                  | PRAGMA changes database settings",
        "CALL pragma_table_info('t')                              | CALL is not allowed; call a table function in a query instead",
        "BEGIN                                                    | BEGIN controls transactions",
        "BEGIN TRANSACTION                                        | BEGIN controls transactions",
        "START TRANSACTION                                        | START controls transactions",
        "COMMIT                                                   | COMMIT controls transactions",
        "ROLLBACK                                                 | ROLLBACK controls transactions",
        "ABORT                                                    | ABORT controls transactions",
        "CHECKPOINT                                               | CHECKPOINT is storage maintenance",
        "FORCE CHECKPOINT                                         | CHECKPOINT is storage maintenance",
        "VACUUM                                                   | VACUUM is storage maintenance",
        "ANALYZE                                                  | ANALYZE is storage maintenance",
        "PREPARE q AS SELECT 1                                    | PREPARE is for prepared statements",
        "EXECUTE q                                                | EXECUTE is for prepared statements",
        "CREATE SCHEMA mine_s                                     | CREATE SCHEMA is not allowed: tasks create only views and macros.",
        "CREATE SEQUENCE mine_seq                                 | CREATE SEQUENCE is not allowed",
        "CREATE TYPE mine_t AS ENUM ('a')                         | CREATE TYPE is not allowed",
        "CREATE INDEX mine_i ON t (a)                             | CREATE INDEX is not allowed",
        "CREATE UNIQUE INDEX mine_i ON t (a)                      | CREATE UNIQUE INDEX is not allowed",
        "CREATE SECRET (TYPE s3)                                  | CREATE SECRET is not allowed",
        "CREATE PERSISTENT SECRET s (TYPE s3)                     | CREATE PERSISTENT SECRET is not allowed",
        "DROP TABLE t                                             | DROP TABLE is not allowed: tasks may drop only the views and macros of their own namespace.",
        "DROP SCHEMA main                                         | DROP SCHEMA is not allowed",
        "DROP SEQUENCE s                                          | DROP SEQUENCE is not allowed",
        "COMMENT ON TABLE t IS 'x'                                | COMMENT statements are not allowed.",
        "FOO bar                                                  | FOO statements are not allowed.",
    })
    void everyOtherStatementClassIsDeniedWithAReason(String sql, String expectedStart) {
        assertDeniedWith(sql, expectedStart);
    }

    @Test
    void createTableDenialSaysToUseAView() {
        assertEquals("CREATE TABLE is not allowed (also as CREATE TABLE ... AS SELECT): tasks write views, not "
                + "tables. Use CREATE OR REPLACE VIEW name AS SELECT ... instead. " + ALLOWED,
                denied("CREATE TABLE report AS SELECT 1"));
    }

    @Test
    void statementStartingWithSomethingOtherThanAWordIsDenied() {
        assertDeniedWith("'abc'", "The statement starts with `'abc'`, which does not start any statement.");
    }

    // --- no DDL or DML hidden inside a query ----------------------------------------------------------

    @Test
    void withClauseMayNotPrecedeADataChange() {
        assertDeniedWith("WITH x AS (SELECT 1 AS a) INSERT INTO t SELECT * FROM x",
                "A query may not carry another statement: found INSERT after the WITH clause. INSERT changes the rows");
        assertDeniedWith("WITH x AS (SELECT 1) DELETE FROM t", "A query may not carry another statement: found DELETE "
                + "after the WITH clause.");
        assertDeniedWith("WITH x AS (SELECT 1), y AS (SELECT 2) UPDATE t SET a = 1",
                "A query may not carry another statement: found UPDATE after the WITH clause.");
    }

    @Test
    void commonTableExpressionMayNotChangeData() {
        assertDeniedWith("WITH x AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM x",
                "A query may not carry another statement: found INSERT in the body of the WITH clause's 'x'.");
        assertDeniedWith("WITH a AS (SELECT 1), \"b\" AS ((DELETE FROM t RETURNING *)) SELECT 1",
                "A query may not carry another statement: found DELETE in the body of the WITH clause's 'b'.");
    }

    @Test
    void subqueryWithItsOwnWithClauseIsCheckedToo() {
        assertDeniedWith("SELECT * FROM (WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x)",
                "A query may not carry another statement: found DELETE in the body of the WITH clause's 'x'.");
        assertDeniedWith("CREATE MACRO mine_m() AS (WITH x AS (SELECT 1) INSERT INTO t SELECT 1)",
                "A query may not carry another statement: found INSERT after the WITH clause.");
    }

    @Test
    void explainMayOnlyWrapAQuery() {
        assertDeniedWith("EXPLAIN CREATE TABLE t (a INT)",
                "A query may not carry another statement: found CREATE after EXPLAIN.");
        assertDeniedWith("EXPLAIN ANALYZE INSERT INTO t VALUES (1)",
                "A query may not carry another statement: found INSERT after EXPLAIN.");
        assertDeniedWith("EXPLAIN (FORMAT json) DELETE FROM t",
                "A query may not carry another statement: found DELETE after EXPLAIN.");
        assertDeniedWith("EXPLAIN ANALYZE WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
                "A query may not carry another statement: found INSERT after the WITH clause.");
        assertDeniedWith("EXPLAIN", "A query is missing after EXPLAIN.");
    }

    @Test
    void describeSummarizeAndShowMayOnlyWrapAQuery() {
        assertDeniedWith("DESCRIBE INSERT INTO t VALUES (1)", "A query may not carry another statement: found INSERT "
                + "after DESCRIBE.");
        assertDeniedWith("SUMMARIZE (DELETE FROM t RETURNING *)", "A query may not carry another statement: found "
                + "DELETE after SUMMARIZE.");
    }

    @Test
    void parenthesisedStatementMustBeAQuery() {
        assertDeniedWith("(INSERT INTO t VALUES (1))", "A query may not carry another statement: found INSERT in this "
                + "statement.");
    }

    @Test
    void viewAndTableMacroBodiesMustBeQueries() {
        assertDeniedWith("CREATE VIEW mine_x AS INSERT INTO t VALUES (1) RETURNING *",
                "A query may not carry another statement: found INSERT as the body of the view.");
        assertDeniedWith("CREATE VIEW mine_x AS WITH a AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM a",
                "A query may not carry another statement: found INSERT in the body of the WITH clause's 'a'.");
        assertDeniedWith("CREATE MACRO mine_t() AS TABLE DELETE FROM t RETURNING *",
                "A query may not carry another statement: found DELETE as the body of the table macro.");
        assertDeniedWith("CREATE VIEW mine_x AS", "A query is missing as the body of the view.");
    }

    @Test
    void unreadableWithClauseIsDenied() {
        assertDeniedWith("WITH x SELECT 1", "The WITH clause could not be read (unexpected `SELECT`); write it as "
                + "WITH name AS (SELECT ...) SELECT ....");
        assertDeniedWith("WITH x AS SELECT 1", "The WITH clause could not be read (unexpected `SELECT`)");
        assertDeniedWith("WITH", "The WITH clause could not be read (unexpected the end of the statement)");
    }

    // --- malformed CREATE / DROP ----------------------------------------------------------------------

    @Test
    void createViewWithoutAsIsDenied() {
        assertDeniedWith("CREATE VIEW mine_x SELECT 1", "Expected AS after the view's name and optional column list, "
                + "found `SELECT`. Write CREATE OR REPLACE VIEW name AS SELECT ....");
        assertDeniedWith("CREATE VIEW U&\"\\0061\" AS SELECT 1", "CREATE VIEW U is outside the namespace");
        assertDeniedWith("CREATE VIEW mine_u&\"x\" AS SELECT 1", "Expected AS after the view's name and optional "
                + "column list, found `&`.");
    }

    @Test
    void malformedCreateAndDropAreDeniedWithWhatWasExpected() {
        assertDeniedWith("CREATE", "Expected VIEW or MACRO after CREATE, found the end of the statement.");
        assertDeniedWith("CREATE OR VIEW mine_x AS SELECT 1", "Expected REPLACE after CREATE OR, found `VIEW`.");
        assertDeniedWith("CREATE VIEW IF EXISTS mine_x AS SELECT 1", "Expected IF NOT EXISTS, found `EXISTS`.");
        assertDeniedWith("CREATE VIEW 'mine_x' AS SELECT 1", "Expected a name after CREATE VIEW, found `'mine_x'`.");
        assertDeniedWith("CREATE MACRO mine_m AS 1", "Expected the macro's parameter list `(...)` after its name, "
                + "found `AS`.");
        assertDeniedWith("DROP", "Expected VIEW or MACRO after DROP, found the end of the statement.");
        assertDeniedWith("DROP VIEW IF mine_x", "Expected IF EXISTS, found `mine_x`.");
        assertDeniedWith("DROP VIEW mine_x extra", "Expected the end of the statement after the name in DROP VIEW, "
                + "found `extra`.");
    }

    @Test
    void dropCascadeAndDropOfSeveralObjectsAreDenied() {
        assertDeniedWith("DROP VIEW mine_x CASCADE", "DROP ... CASCADE is not allowed: it can drop objects outside "
                + "the task's namespace.");
        assertDeniedWith("DROP VIEW mine_a, mine_b", "Drop one object per statement: send a separate DROP VIEW for "
                + "each name.");
    }
}
