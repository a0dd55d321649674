package io.taskgraph.application.query;

import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.RowSink;
import io.taskgraph.domain.sql.SqlFailure;
import io.taskgraph.domain.sql.SqlLexException;
import io.taskgraph.domain.sql.SqlLexer;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code query} use case: one SQL statement on a workspace file, its rows handed over as they are read. The file
 * is opened read-only and with no access to other files or the network, so no statement can change it or write
 * anything else; a statement the database refuses or cannot run is a {@link UsageException} carrying the database's
 * own message.
 */
public final class QueryWorkspace {
    private final SqlEngine engine;

    public QueryWorkspace(SqlEngine engine) {
        this.engine = engine;
    }

    /** Runs {@code sql} on {@code db}, giving its columns and rows to {@code sink}; returns the number of rows. */
    public long query(Path db, String sql, RowSink sink) {
        String statement = oneStatement(sql);
        try (Workspace workspace = engine.openReadOnly(db)) {
            workspace.restrictExternalAccess();
            return workspace.stream(statement, sink);
        } catch (SqlFailure e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /**
     * The one statement in {@code sql}. Several are refused before any runs: the database would run all but the last
     * while preparing the text, and print nothing of them. Text the lexer cannot split (an unclosed quote) goes to
     * the database as it is, whose message says what is wrong.
     */
    static String oneStatement(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new UsageException("No SQL to run: give one statement after the .db file, or on standard input "
                    + "(with - or no statement at all).");
        }
        List<String> statements;
        try {
            statements = SqlLexer.splitStatements(sql);
        } catch (SqlLexException unterminated) {
            return sql;
        }
        if (statements.isEmpty()) {
            throw new UsageException("The SQL holds no statement, only comments or semicolons: give one statement to run.");
        }
        if (statements.size() > 1) {
            throw new UsageException("The SQL holds " + statements.size() + " statements; query runs one at a time. "
                    + "Run them one by one (the first is: " + oneLine(statements.get(0)) + ").");
        }
        return statements.get(0);
    }

    private static String oneLine(String statement) {
        String line = statement.strip().replaceAll("\\s+", " ");
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }
}
