package io.taskgraph.adapters.duckdb;

import java.sql.SQLException;

/** Quoting for the SQL text the engine writes itself (never for agent SQL, which is sent as written). */
final class Sql {
    private Sql() {
    }

    /** A double-quoted identifier: safe for any table or column name. */
    static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A single-quoted string literal. */
    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    /**
     * What DuckDB's JDBC driver (2.0.0.1) says instead of the real error when a statement fails while it streams
     * its result: a conversion error, the memory limit, ... The workspace streams results, so that a result too
     * large for the agent is abandoned after its first rows; this is the price.
     */
    private static final String LOST_STREAMING_ERROR = "Invalid Input Error: Invalid result set";

    /** The database's message as DuckDB wrote it, including the LINE/caret hint an agent can use. */
    static String message(SQLException e) {
        String message = e.getMessage();
        if (message != null && message.strip().equals(LOST_STREAMING_ERROR)) {
            return "The statement failed while it ran, and DuckDB's driver did not pass on why (it reports only \""
                    + LOST_STREAMING_ERROR + "\" for errors raised while a result streams). The usual causes: a value "
                    + "that cannot be converted (use TRY_CAST, or filter the rows first), or the memory limit (aggregate "
                    + "or join less at once). Run the parts of the statement separately to find which one fails.";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

    /** The database's message without the LINE/caret diagram: for one-line messages to a person. */
    static String shortMessage(SQLException e) {
        String message = message(e);
        int line = message.indexOf("\nLINE ");
        return (line >= 0 ? message.substring(0, line) : message).strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
