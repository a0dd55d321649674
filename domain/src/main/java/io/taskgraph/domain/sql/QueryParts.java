package io.taskgraph.domain.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queries inside one statement, as text DuckDB's own parser can take (it parses SELECT-like statements
 * only): the statement itself for a query ({@code EXPLAIN} stripped), the body of a view, and each overload's
 * body and parameter defaults for a macro, where a scalar body or default is wrapped as {@code SELECT (expr)}.
 * What these queries read and call is what the read rules judge.
 *
 * <p>Macro overloads are split at a top-level comma after a scalar body only: a table body runs to the end of
 * the statement, so a text that hides a second overload after a table body fails to parse and is refused,
 * rather than being split differently from the way DuckDB splits it.
 */
public record QueryParts(List<Part> parts, Optional<String> problem) {
    /** One query and where it sits in the statement, for messages ("the body of the view"). */
    public record Part(String sql, String where) {
    }

    public QueryParts {
        parts = List.copyOf(parts);
    }

    /** The queries of one statement the policy allowed as {@code kind}. */
    public static QueryParts of(String statement, StatementKind kind) {
        List<SqlToken> tokens;
        try {
            tokens = SqlLexer.tokenize(statement);
        } catch (SqlLexException e) {
            return unreadable(e.getMessage());
        }
        while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() == SqlToken.Kind.SEMICOLON) {
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        if (tokens.isEmpty()) {
            return unreadable("The statement is empty.");
        }
        if (!balanced(tokens)) {
            return unreadable("The parentheses of the statement do not balance.");
        }
        return switch (kind) {
            case QUERY -> query(statement, tokens);
            case CREATE_VIEW -> view(statement, tokens);
            case CREATE_MACRO -> new Reader(statement, tokens).macro();
            case DROP_VIEW, DROP_MACRO -> new QueryParts(List.of(), Optional.empty());
        };
    }

    /** The body of a macro as the catalog stores it ({@code duckdb_functions().macro_definition}). */
    public static QueryParts ofStoredMacro(String body, boolean tableMacro) {
        return new QueryParts(List.of(tableMacro ? new Part(body, "the body of the table macro")
                : new Part(wrap(body), "the body of the macro")), Optional.empty());
    }

    private static QueryParts query(String statement, List<SqlToken> tokens) {
        int start = 0;
        if (tokens.get(0).isKeyword("EXPLAIN")) {
            start = 1;
            while (start < tokens.size() && (tokens.get(start).isKeyword("ANALYZE")
                    || tokens.get(start).isKeyword("ANALYSE") || tokens.get(start).isKeyword("VERBOSE"))) {
                start++;
            }
            if (start + 1 < tokens.size() && tokens.get(start).is("(")
                    && !QueryCheck.startsQuery(tokens.get(start + 1))) {
                start = matching(tokens, start) + 1;
            }
            if (start >= tokens.size()) {
                return unreadable("A query is missing after EXPLAIN.");
            }
        }
        return single(new Part(text(statement, tokens, start, tokens.size()), "this statement"));
    }

    /** {@code CREATE ... VIEW name [(columns)] AS query}. */
    private static QueryParts view(String statement, List<SqlToken> tokens) {
        int pos = afterName(tokens, "VIEW");
        if (pos < tokens.size() && tokens.get(pos).is("(")) {
            pos = matching(tokens, pos) + 1;
        }
        if (pos >= tokens.size() || !tokens.get(pos).isKeyword("AS") || pos + 1 >= tokens.size()) {
            return unreadable("The view's body could not be found: write CREATE OR REPLACE VIEW name AS SELECT ....");
        }
        return single(new Part(text(statement, tokens, pos + 1, tokens.size()), "the body of the view"));
    }

    /** The index after {@code CREATE [OR REPLACE] [TEMP] <objectWord> [IF NOT EXISTS] name[.name...]}. */
    private static int afterName(List<SqlToken> tokens, String... objectWords) {
        int pos = 1;
        while (pos < tokens.size() && !isAnyKeyword(tokens.get(pos), objectWords)) {
            pos++;
        }
        pos++;
        if (pos + 2 < tokens.size() && tokens.get(pos).isKeyword("IF") && tokens.get(pos + 1).isKeyword("NOT")) {
            pos += 3;
        }
        pos++;
        while (pos + 1 < tokens.size() && tokens.get(pos).is(".")) {
            pos += 2;
        }
        return pos;
    }

    private static boolean isAnyKeyword(SqlToken token, String... keywords) {
        for (String keyword : keywords) {
            if (token.isKeyword(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the overloads of a CREATE MACRO statement. */
    private static final class Reader {
        private final String statement;
        private final List<SqlToken> tokens;
        private final List<Part> parts = new ArrayList<>();

        Reader(String statement, List<SqlToken> tokens) {
            this.statement = statement;
            this.tokens = tokens;
        }

        QueryParts macro() {
            int pos = afterName(tokens, "MACRO", "FUNCTION");
            while (true) {
                if (pos >= tokens.size() || !tokens.get(pos).is("(")) {
                    return unreadable("The macro's parameter list `(...)` could not be found; write CREATE OR "
                            + "REPLACE MACRO name(a, b) AS expression.");
                }
                int close = matching(tokens, pos);
                Optional<String> problem = parameters(pos + 1, close);
                if (problem.isPresent()) {
                    return unreadable(problem.get());
                }
                pos = close + 1;
                if (pos >= tokens.size() || !tokens.get(pos).isKeyword("AS") || pos + 1 >= tokens.size()) {
                    return unreadable("Expected AS and the macro's body after its parameter list.");
                }
                pos++;
                if (tokens.get(pos).isKeyword("TABLE")) {
                    if (pos + 1 >= tokens.size()) {
                        return unreadable("The table macro has no body after AS TABLE.");
                    }
                    parts.add(new Part(text(statement, tokens, pos + 1, tokens.size()), "the body of the table macro"));
                    return new QueryParts(parts, Optional.empty());
                }
                int end = topLevelComma(pos, tokens.size());
                parts.add(new Part(wrap(text(statement, tokens, pos, end)), "the body of the macro"));
                if (end >= tokens.size()) {
                    return new QueryParts(parts, Optional.empty());
                }
                pos = end + 1;
            }
        }

        /** {@code name [type] [:= default]}, comma-separated; a default is a query part of its own. */
        private Optional<String> parameters(int from, int to) {
            int pos = from;
            while (pos < to) {
                int end = topLevelComma(pos, to);
                if (!tokens.get(pos).isIdentifier()) {
                    return Optional.of("A macro parameter must start with its name, found `" + tokens.get(pos).text()
                            + "`.");
                }
                for (int i = pos + 1; i < end; i++) {
                    SqlToken token = tokens.get(i);
                    if (token.is(":=")) {
                        if (i + 1 >= end) {
                            return Optional.of("The default of macro parameter '" + tokens.get(pos).value()
                                    + "' is missing after :=.");
                        }
                        parts.add(new Part(wrap(text(statement, tokens, i + 1, end)),
                                "the default of parameter '" + tokens.get(pos).value() + "'"));
                        break;
                    }
                    if (token.kind() == SqlToken.Kind.STRING || token.isKeyword("SELECT")
                            || token.isKeyword("FROM")) {
                        return Optional.of("Macro parameter '" + tokens.get(pos).value() + "' could not be read: "
                                + "write a name, optionally a type, and := with a default value.");
                    }
                }
                pos = end + 1;
            }
            return Optional.empty();
        }

        private int topLevelComma(int from, int to) {
            int depth = 0;
            for (int i = from; i < to; i++) {
                SqlToken token = tokens.get(i);
                if (token.is("(") || token.is("[") || token.is("{")) {
                    depth++;
                } else if (token.is(")") || token.is("]") || token.is("}")) {
                    depth--;
                } else if (depth == 0 && token.is(",")) {
                    return i;
                }
            }
            return to;
        }
    }

    private static boolean balanced(List<SqlToken> tokens) {
        int depth = 0;
        for (SqlToken token : tokens) {
            depth += token.is("(") ? 1 : token.is(")") ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static String wrap(String expression) {
        return "SELECT (" + expression + ")";
    }

    private static QueryParts single(Part part) {
        return new QueryParts(List.of(part), Optional.empty());
    }

    private static QueryParts unreadable(String reason) {
        return new QueryParts(List.of(), Optional.of(reason));
    }

    private static String text(String statement, List<SqlToken> tokens, int from, int to) {
        return statement.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    private static int matching(List<SqlToken> tokens, int open) {
        return new QueryCheck(tokens).matching(open);
    }
}
