package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import io.taskgraph.domain.sql.SqlFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The {@link io.taskgraph.domain.port.SqlReader} reads on one connection: whole results, database errors as SqlFailure. */
final class SqlReads {
    private static final String DESCRIBE = """
            SELECT c.table_name, v.view_name IS NOT NULL, c.column_name, c.data_type
              FROM duckdb_columns() c
              LEFT JOIN duckdb_views() v
                ON v.database_name = c.database_name AND v.schema_name = c.schema_name AND v.view_name = c.table_name
             WHERE c.database_name = current_database() AND c.schema_name = 'main'
               AND lower(c.table_name) = lower(?)
             ORDER BY c.column_index""";

    private SqlReads() {
    }

    /** Runs {@code sql} and reads all its rows. */
    static QueryResult query(Connection connection, String sql, List<Object> parameters) {
        return query(connection, sql, parameters, null, statement -> { });
    }

    /**
     * Runs {@code sql} and reads all its rows; with a {@code timer}, a statement that runs too long is cancelled.
     * {@code started} learns the statement before it executes, so that it can be cancelled from another thread.
     */
    static QueryResult query(Connection connection, String sql, List<Object> parameters, StatementTimer timer,
                             Consumer<Statement> started) {
        StatementTimer.Armed armed = null;
        // Without parameters the driver's direct execution is one call instead of prepare + execute.
        try (Statement statement = parameters.isEmpty() ? connection.createStatement()
                : connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ((PreparedStatement) statement).setObject(i + 1, parameters.get(i));
            }
            armed = timer == null ? null : timer.arm(statement);
            started.accept(statement);
            boolean returnsRows = parameters.isEmpty() ? statement.execute(sql) : ((PreparedStatement) statement).execute();
            if (!returnsRows) {
                return new QueryResult(List.of(), List.of());
            }
            try (ResultSet rs = statement.getResultSet()) {
                return readAll(rs, armed);
            }
        } catch (SQLException e) {
            if (armed != null && armed.fired()) {
                throw new SqlFailure(timer.message(), e);
            }
            throw new SqlFailure(Sql.message(e), e);
        } finally {
            if (armed != null) {
                armed.disarm();
            }
        }
    }

    private static QueryResult readAll(ResultSet rs, StatementTimer.Armed armed) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        JdbcValues.ColumnReader[] readers = JdbcValues.readers(meta);
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(JdbcValues.row(rs, readers));
            if (armed != null && System.nanoTime() - armed.deadlineNanos() > 0) {
                armed.expire();
                throw new SQLException("statement timeout reached while reading rows");
            }
        }
        return new QueryResult(columns, rows);
    }

    static Optional<RelationInfo> describe(Connection connection, String name) {
        try (PreparedStatement statement = prepareDescribe(connection)) {
            return describe(statement, name);
        } catch (SQLException e) {
            throw new SqlFailure(Sql.message(e), e);
        }
    }

    /** The statement {@link #describe(PreparedStatement, String)} runs, for a caller that describes often. */
    static PreparedStatement prepareDescribe(Connection connection) throws SQLException {
        return connection.prepareStatement(DESCRIBE);
    }

    /** Describes with a statement from {@link #prepareDescribe}: preparing it costs as much as running it. */
    static Optional<RelationInfo> describe(PreparedStatement statement, String name) {
        try {
            statement.setString(1, name);
            String relation = null;
            boolean view = false;
            List<Column> columns = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    relation = rs.getString(1);
                    view = rs.getBoolean(2);
                    columns.add(new Column(rs.getString(3), rs.getString(4)));
                }
            }
            if (relation == null) {
                return Optional.empty();
            }
            return Optional.of(new RelationInfo(relation, view ? RelationInfo.Kind.VIEW : RelationInfo.Kind.TABLE,
                    columns));
        } catch (SQLException e) {
            throw new SqlFailure(Sql.message(e), e);
        }
    }
}
