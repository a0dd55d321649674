package io.taskgraph.domain.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskgraph.domain.sql.QueryParts.Part;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Finding the queries inside a statement that DuckDB's parser can check: view bodies, macro bodies and defaults. */
class QueryPartsTest {
    private static List<Part> parts(String sql, StatementKind kind) {
        QueryParts parts = QueryParts.of(sql, kind);
        assertEquals(Optional.empty(), parts.problem(), sql);
        return parts.parts();
    }

    @Test
    void aQueryIsItselfAndExplainIsStrippedOff() {
        assertEquals(List.of(new Part("SELECT * FROM t", "this statement")), parts("SELECT * FROM t", StatementKind.QUERY));
        assertEquals(List.of(new Part("SELECT 1", "this statement")),
                parts("EXPLAIN ANALYZE SELECT 1", StatementKind.QUERY));
        assertEquals(List.of(new Part("SELECT 1", "this statement")),
                parts("EXPLAIN (FORMAT json) SELECT 1", StatementKind.QUERY));
        assertEquals(List.of(new Part("(SELECT 1)", "this statement")), parts("EXPLAIN (SELECT 1)", StatementKind.QUERY));
        assertEquals(Optional.of("A query is missing after EXPLAIN."),
                QueryParts.of("EXPLAIN ANALYZE", StatementKind.QUERY).problem());
    }

    @Test
    void aViewsBodyFollowsItsNameAndColumnList() {
        assertEquals(List.of(new Part("SELECT a, b FROM t", "the body of the view")),
                parts("CREATE OR REPLACE TEMP VIEW IF NOT EXISTS main.\"v x\" (p, q) AS SELECT a, b FROM t",
                        StatementKind.CREATE_VIEW));
        assertEquals(List.of(new Part("WITH a AS (SELECT 1) SELECT * FROM a", "the body of the view")),
                parts("CREATE VIEW v AS WITH a AS (SELECT 1) SELECT * FROM a /* c */ -- trailing", StatementKind.CREATE_VIEW));
        assertEquals(List.of(new Part("SELECT x FROM orders WHERE (x > 0)", "the body of the view")),
                parts("CREATE VIEW v1 AS SELECT x FROM orders WHERE (x > 0);", StatementKind.CREATE_VIEW));
    }

    @Test
    void aScalarMacrosBodiesAndDefaultsAreWrappedAsSelects() {
        assertEquals(List.of(
                new Part("SELECT (2)", "the default of parameter 'b'"),
                new Part("SELECT (a + b)", "the body of the macro"),
                new Part("SELECT (upper(s))", "the default of parameter 's'"),
                new Part("SELECT (s || (SELECT max(x) FROM t))", "the body of the macro")),
                parts("CREATE OR REPLACE MACRO m(a, b := 2) AS a + b, (s := upper(s)) AS s || (SELECT max(x) FROM t)",
                        StatementKind.CREATE_MACRO));
    }

    @Test
    void aTableMacrosBodyRunsToTheEndOfTheStatement() {
        assertEquals(List.of(new Part("SELECT * FROM t, (SELECT 1) AS s", "the body of the table macro")),
                parts("CREATE MACRO m(p := 'x') AS TABLE SELECT * FROM t, (SELECT 1) AS s", StatementKind.CREATE_MACRO)
                        .subList(1, 2));
        assertEquals(List.of(new Part("SELECT 1 AS x, (b) AS TABLE SELECT 2", "the body of the table macro")),
                parts("CREATE MACRO m(a) AS TABLE SELECT 1 AS x, (b) AS TABLE SELECT 2", StatementKind.CREATE_MACRO),
                "a second overload after a table body stays in the body, where DuckDB's parser refuses it");
        assertEquals(List.of(new Part("SELECT ('x')", "the body of the macro"),
                        new Part("SELECT * FROM range(n)", "the body of the table macro")),
                parts("CREATE MACRO m() AS 'x', (n) AS TABLE SELECT * FROM range(n)", StatementKind.CREATE_MACRO));
    }

    @Test
    void aParameterListThatHidesAQueryIsUnreadable() {
        assertEquals(Optional.of("Macro parameter 'SELECT' could not be read: write a name, optionally a type, and := "
                + "with a default value."), QueryParts.of("CREATE MACRO m(a) AS a, (SELECT content FROM read_text('x')) "
                + "AS b", StatementKind.CREATE_MACRO).problem());
        assertEquals(Optional.of("A macro parameter must start with its name, found `'x'`."),
                QueryParts.of("CREATE MACRO m('x') AS 1", StatementKind.CREATE_MACRO).problem());
        assertEquals(Optional.of("The default of macro parameter 'p' is missing after :=."),
                QueryParts.of("CREATE MACRO m(p :=) AS 1", StatementKind.CREATE_MACRO).problem());
        assertEquals(List.of(new Part("SELECT (a * 2)", "the body of the macro")),
                parts("CREATE MACRO m(a INTEGER, b DECIMAL(18, 2)) AS a * 2", StatementKind.CREATE_MACRO));
    }

    @Test
    void dropsHaveNoQueriesAndStoredMacroBodiesAreRead() {
        assertEquals(List.of(), parts("DROP VIEW v", StatementKind.DROP_VIEW));
        assertEquals(List.of(), parts("DROP MACRO TABLE m", StatementKind.DROP_MACRO));
        assertEquals(List.of(new Part("SELECT ((a + b))", "the body of the macro")),
                QueryParts.ofStoredMacro("(a + b)", false).parts());
        assertEquals(List.of(new Part("SELECT p AS c FROM orders", "the body of the table macro")),
                QueryParts.ofStoredMacro("SELECT p AS c FROM orders", true).parts());
    }

    @Test
    void unreadableTextIsAProblemNotAGuess() {
        assertEquals(Optional.of("The SQL has an unterminated string literal starting at line 1, column 8; close it or "
                + "remove it."), QueryParts.of("SELECT 'x", StatementKind.QUERY).problem());
        assertEquals(Optional.of("The view's body could not be found: write CREATE OR REPLACE VIEW name AS SELECT ...."),
                QueryParts.of("CREATE VIEW v AS", StatementKind.CREATE_VIEW).problem());
        assertEquals(Optional.of("The parentheses of the statement do not balance."),
                QueryParts.of("CREATE MACRO m(a AS a", StatementKind.CREATE_MACRO).problem());
    }
}
