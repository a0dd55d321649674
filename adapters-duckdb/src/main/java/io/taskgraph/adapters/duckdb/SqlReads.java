package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import io.taskgraph.domain.sql.RowSink;
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

    /** Runs {@code sql} and hands each row to {@code sink} as the driver reads it; returns the row count. */
    static long stream(Connection connection, String sql, RowSink sink) {
        try (Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                sink.columns(List.of());
                return 0;
            }
            try (ResultSet rs = statement.getResultSet()) {
                ResultSetMetaData meta = rs.getMetaData();
                sink.columns(columnLabels(meta));
                JdbcValues.ColumnReader[] readers = JdbcValues.readers(meta);
                long count = 0;
                while (rs.next()) {
                    sink.row(JdbcValues.row(rs, readers));
                    count++;
                }
                return count;
            }
        } catch (SQLException e) {
            throw new SqlFailure(Sql.message(e), e);
        }
    }

    private static List<String> columnLabels(ResultSetMetaData meta) throws SQLException {
        List<String> columns = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        return columns;
    }

    private static QueryResult readAll(ResultSet rs, StatementTimer.Armed armed) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = columnLabels(meta);
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
}
