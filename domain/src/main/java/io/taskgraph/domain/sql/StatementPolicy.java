package io.taskgraph.domain.sql;

/**
 * Decides whether an agent may run one SQL text: exactly one statement, SELECT-like or
 * CREATE/DROP of a view or macro inside the task's namespace. Uses {@link SqlLexer}, not regexes.
 */
public final class StatementPolicy {
    private StatementPolicy() {
    }

    public static StatementVerdict evaluate(String sql, Namespace namespace) {
        throw new UnsupportedOperationException("implemented by the domain rules work");
    }
}
