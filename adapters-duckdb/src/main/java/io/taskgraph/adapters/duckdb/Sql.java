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

    /** The database's message as DuckDB wrote it, including the LINE/caret hint an agent can use. */
    static String message(SQLException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

    /** The database's message without the LINE/caret diagram: for one-line messages to a person. */
    static String shortMessage(SQLException e) {
        String message = message(e);
        int line = message.indexOf("\nLINE ");
        return (line >= 0 ? message.substring(0, line) : message).strip().replaceAll("\\s*\\n\\s*", " ");
    }
}
