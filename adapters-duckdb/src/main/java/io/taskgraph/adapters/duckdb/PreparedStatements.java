package io.taskgraph.adapters.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The statements one connection runs again and again, each prepared the first time it is asked for: preparing
 * (parsing and binding) costs DuckDB about as much as running a small statement. Used by one caller at a time,
 * like its connection; closing the connection closes them.
 */
final class PreparedStatements {
    private final Connection connection;
    private final Map<String, PreparedStatement> bySql = new HashMap<>();

    PreparedStatements(Connection connection) {
        this.connection = connection;
    }

    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = bySql.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            bySql.put(sql, statement);
        }
        return statement;
    }
}
