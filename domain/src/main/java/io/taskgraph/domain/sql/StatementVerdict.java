package io.taskgraph.domain.sql;

/** The statement policy's decision on one SQL text. */
public sealed interface StatementVerdict {
    /** The statement may run; {@code objectName} is the view or macro it targets (null for queries). */
    record Allowed(StatementKind kind, String objectName) implements StatementVerdict {
    }

    /** The statement may not run; {@code reason} tells the agent what is wrong and what is allowed. */
    record Denied(String reason) implements StatementVerdict {
    }
}
