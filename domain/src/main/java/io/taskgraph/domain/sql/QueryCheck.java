package io.taskgraph.domain.sql;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a run of tokens is a read-only query. The places where DuckDB accepts a data-changing
 * statement inside a query-looking one are checked: the statement after a WITH clause and each common table
 * expression body ({@code WITH x AS (INSERT ... RETURNING *) SELECT ...} really inserts), the statement after
 * EXPLAIN ({@code EXPLAIN ANALYZE} runs it), and the target of DESCRIBE, SUMMARIZE and SHOW. Every
 * parenthesised WITH (a subquery with its own CTEs) is checked the same way.
 *
 * <p>Ranges are {@code [from, to)} over one statement's tokens, whose parentheses must balance.
 */
final class QueryCheck {
    static final Set<String> QUERY_STARTS = Set.of("SELECT", "VALUES", "FROM", "TABLE", "WITH", "SUMMARIZE",
            "DESCRIBE", "DESC", "SHOW", "EXPLAIN", "PIVOT", "UNPIVOT", "PIVOT_WIDER", "PIVOT_LONGER");

    private final List<SqlToken> tokens;

    QueryCheck(List<SqlToken> tokens) {
        this.tokens = tokens;
    }

    static boolean startsQuery(SqlToken token) {
        return token.is("(") || QUERY_STARTS.contains(String.valueOf(token.keyword()));
    }

    /** Why {@code [from, to)} is not a read-only query; empty when it is one. */
    Optional<String> problem(int from, int to, String where) {
        Optional<String> head = headProblem(from, to, where);
        return head.isPresent() ? head : nestedProblem(from, to);
    }

    /** Checks every {@code ( WITH ...)} in the range: subqueries with CTEs of their own. */
    Optional<String> nestedProblem(int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (tokens.get(i).is("(") && tokens.get(i + 1).isKeyword("WITH")) {
                Optional<String> problem = withProblem(i + 1, matching(i));
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }

    /** Checks how the query in {@code [from, to)} starts, following WITH, EXPLAIN, DESCRIBE and parentheses. */
    Optional<String> headProblem(int from, int to, String where) {
        if (from >= to) {
            return Optional.of("A query is missing " + where + ".");
        }
        SqlToken head = tokens.get(from);
        if (head.is("(")) {
            return headProblem(from + 1, matching(from), where);
        }
        String keyword = head.keyword();
        if (keyword == null) {
            return Optional.of("Expected a query " + where + " but found `" + head.text() + "`.");
        }
        switch (keyword) {
            case "WITH":
                return withProblem(from, to);
            case "EXPLAIN":
                return explainProblem(from, to);
            case "DESCRIBE", "DESC", "SUMMARIZE", "SHOW":
                return describedProblem(from, to, keyword);
            default:
                if (QUERY_STARTS.contains(keyword)) {
                    return Optional.empty();
                }
                return Optional.of("A query may not carry another statement: found " + keyword + " " + where
                        + ". " + DenialMessages.reason(keyword));
        }
    }

    /** {@code WITH [RECURSIVE] name [(cols)] [USING KEY (cols)] AS [NOT] [MATERIALIZED] (body), ... statement}. */
    private Optional<String> withProblem(int with, int to) {
        int i = with + 1;
        if (i < to && tokens.get(i).isKeyword("RECURSIVE")) {
            i++;
        }
        while (true) {
            if (i >= to || !tokens.get(i).isIdentifier()) {
                return unreadableWith(i, to);
            }
            String name = tokens.get(i).value();
            i++;
            if (i < to && tokens.get(i).is("(")) {
                i = matching(i) + 1;
            }
            if (i + 2 < to && tokens.get(i).isKeyword("USING") && tokens.get(i + 1).isKeyword("KEY")
                    && tokens.get(i + 2).is("(")) {
                i = matching(i + 2) + 1;
            }
            if (i >= to || !tokens.get(i).isKeyword("AS")) {
                return unreadableWith(i, to);
            }
            i++;
            if (i < to && tokens.get(i).isKeyword("NOT")) {
                i++;
            }
            if (i < to && tokens.get(i).isKeyword("MATERIALIZED")) {
                i++;
            }
            if (i >= to || !tokens.get(i).is("(")) {
                return unreadableWith(i, to);
            }
            int close = matching(i);
            Optional<String> body = headProblem(i + 1, close, "in the body of the WITH clause's '" + name + "'");
            if (body.isPresent()) {
                return body;
            }
            i = close + 1;
            if (i < to && tokens.get(i).is(",")) {
                i++;
                continue;
            }
            return headProblem(i, to, "after the WITH clause");
        }
    }

    private Optional<String> unreadableWith(int at, int to) {
        String found = at < to ? "`" + tokens.get(at).text() + "`" : "the end of the statement";
        return Optional.of("The WITH clause could not be read (unexpected " + found + "); write it as "
                + "WITH name AS (SELECT ...) SELECT ....");
    }

    /** {@code EXPLAIN [ANALYZE] [(options)] statement}: EXPLAIN ANALYZE executes the statement. */
    private Optional<String> explainProblem(int explain, int to) {
        int i = explain + 1;
        while (i < to && (tokens.get(i).isKeyword("ANALYZE") || tokens.get(i).isKeyword("ANALYSE")
                || tokens.get(i).isKeyword("VERBOSE"))) {
            i++;
        }
        if (i + 1 < to && tokens.get(i).is("(") && !startsQuery(tokens.get(i + 1))) {
            i = matching(i) + 1;
        }
        return headProblem(i, to, "after EXPLAIN");
    }

    /** DESCRIBE, SUMMARIZE and SHOW take a name or a query; a query must be read-only. */
    private Optional<String> describedProblem(int at, int to, String keyword) {
        int next = at + 1;
        if (next < to && startsQuery(tokens.get(next))) {
            return headProblem(next, to, "after " + keyword);
        }
        boolean nameOnly = next + 1 >= to;
        String nextKeyword = next < to ? tokens.get(next).keyword() : null;
        if (!nameOnly && nextKeyword != null && StatementPolicy.isOtherStatementKeyword(nextKeyword)) {
            return headProblem(next, to, "after " + keyword);
        }
        return Optional.empty();
    }

    /** The index of the ')' closing the '(' at {@code open}; the statement's parentheses are known to balance. */
    int matching(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).is("(")) {
                depth++;
            } else if (tokens.get(i).is(")")) {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalStateException("unbalanced parentheses reached the query check");
    }
}
