package io.taskgraph.adapters.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The statements one connection runs again and again, each prepared the first time it is asked for: preparing
 * (parsing and binding) costs DuckDB about as much as running a small statement. DuckDB's driver closes a prepared
 * statement whose execution failed (a ROLLBACK with no transaction open, a COMMIT that conflicted, ...), so one
 * found closed is prepared again rather than failing every later call. Used by one caller at a time, like its
 * connection; closing the connection closes them too.
 */
final class PreparedStatements implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> bySql = new HashMap<>();

    PreparedStatements(Connection connection) {
        this.connection = connection;
    }

    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = bySql.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            bySql.put(sql, statement);
        }
        return statement;
    }

    /** Whether {@code sql} is prepared and open, so that its next use runs it without preparing. */
    boolean isPrepared(String sql) throws SQLException {
        PreparedStatement statement = bySql.get(sql);
        return statement != null && !statement.isClosed();
    }

    /** Closes every statement, for a connection that stays open. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (PreparedStatement statement : bySql.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        bySql.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
