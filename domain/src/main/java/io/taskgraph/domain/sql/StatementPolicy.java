package io.taskgraph.domain.sql;

import io.taskgraph.domain.sql.StatementVerdict.Allowed;
import io.taskgraph.domain.sql.StatementVerdict.Denied;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an agent may run one SQL text: exactly one statement, SELECT-like or
 * CREATE/DROP of a view or macro inside the task's namespace. Works on {@link SqlLexer} tokens, not regexes,
 * so names in comments and strings cannot fool it. Denials tell the agent what is wrong and what is allowed.
 *
 * <p>This is the first of two guards: the engine also checks, inside a transaction, what a statement actually
 * changed in the catalog. The policy errs on the side of refusing what it cannot read.
 */
public final class StatementPolicy {
    private static final Set<String> OTHER_STATEMENTS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE",
            "UPSERT", "CREATE", "DROP", "ALTER", "ATTACH", "DETACH", "USE", "COPY", "EXPORT", "IMPORT", "INSTALL",
            "LOAD", "FORCE", "SET", "RESET", "PRAGMA", "CALL", "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT",
            "CHECKPOINT", "VACUUM", "ANALYZE", "ANALYSE", "PREPARE", "EXECUTE", "DEALLOCATE", "COMMENT", "GRANT",
            "REVOKE");

    private StatementPolicy() {
    }

    public static StatementVerdict evaluate(String sql, Namespace namespace) {
        if (sql == null || sql.isBlank()) {
            return denied("The SQL text is empty; send exactly one statement.", namespace);
        }
        List<SqlToken> tokens;
        try {
            tokens = SqlLexer.tokenize(sql);
        } catch (SqlLexException e) {
            return denied(e.getMessage(), namespace);
        }
        List<List<SqlToken>> statements = SqlLexer.statements(tokens);
        if (statements.isEmpty()) {
            return denied("The SQL text holds no statement, only comments or semicolons; send exactly one "
                    + "statement.", namespace);
        }
        if (statements.size() > 1) {
            return denied("Only one statement per call: this text holds " + statements.size()
                    + " statements (the second starts at `" + preview(sql, statements.get(1)) + "`). Send each "
                    + "statement in its own call.", namespace);
        }
        List<SqlToken> statement = statements.get(0);
        Optional<String> unbalanced = unbalancedParentheses(statement);
        if (unbalanced.isPresent()) {
            return denied(unbalanced.get(), namespace);
        }
        return classify(statement, namespace);
    }

    /** True for a keyword that starts a statement other than a query (INSERT, CREATE, SET, ...). */
    static boolean isOtherStatementKeyword(String keyword) {
        return OTHER_STATEMENTS.contains(keyword);
    }

    private static StatementVerdict classify(List<SqlToken> statement, Namespace namespace) {
        SqlToken head = statement.get(0);
        if (QueryCheck.startsQuery(head)) {
            Optional<String> problem = new QueryCheck(statement).problem(0, statement.size(), "in this statement");
            return problem.<StatementVerdict>map(p -> denied(p, namespace))
                    .orElse(new Allowed(StatementKind.QUERY, null));
        }
        String keyword = head.keyword();
        if (keyword == null) {
            return denied("The statement starts with `" + head.text() + "`, which does not start any statement.",
                    namespace);
        }
        if (keyword.equals("CREATE")) {
            return CreateOrDrop.create(statement, namespace);
        }
        if (keyword.equals("DROP")) {
            return CreateOrDrop.drop(statement, namespace);
        }
        if (keyword.equals("FORCE") && statement.size() > 1 && statement.get(1).keyword() != null) {
            keyword = statement.get(1).keyword();
        }
        return denied(DenialMessages.reason(keyword), namespace);
    }

    static Denied denied(String reason, Namespace namespace) {
        return new Denied(reason + " " + DenialMessages.allowed(namespace));
    }

    private static Optional<String> unbalancedParentheses(List<SqlToken> statement) {
        int depth = 0;
        for (SqlToken token : statement) {
            if (token.is("(")) {
                depth++;
            } else if (token.is(")")) {
                depth--;
                if (depth < 0) {
                    return Optional.of("The parentheses do not balance: a `)` at offset " + token.start()
                            + " closes nothing. Fix the statement.");
                }
            }
        }
        return depth == 0 ? Optional.empty()
                : Optional.of("The parentheses do not balance: " + depth + " `(` never closed. Fix the statement.");
    }

    private static String preview(String sql, List<SqlToken> statement) {
        String text = sql.substring(statement.get(0).start(), statement.get(statement.size() - 1).end())
                .replaceAll("\\s+", " ");
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
