package io.taskgraph.domain.sql;

/** A statement the database refused or could not finish; the message is the database's own. */
public final class SqlFailure extends RuntimeException {
    public SqlFailure(String message) {
        super(message);
    }

    public SqlFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
