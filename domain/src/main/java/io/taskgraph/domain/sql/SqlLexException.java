package io.taskgraph.domain.sql;

/**
 * SQL text the lexer cannot split into tokens (an unterminated string, quoted name, dollar quote or
 * comment). The message says what is open and where, as line and column, so an agent can close it.
 */
public final class SqlLexException extends IllegalArgumentException {
    private final int offset;

    public SqlLexException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Offset in the SQL text (0-based, in chars) where the problem starts. */
    public int offset() {
        return offset;
    }
}
