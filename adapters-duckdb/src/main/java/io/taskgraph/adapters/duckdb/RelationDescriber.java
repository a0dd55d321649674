package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.sql.RelationInfo;
import io.taskgraph.domain.sql.SqlFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Describes the committed tables and views of a workspace's main schema, on a connection of its own that it
 * closes, for the workspace and all its task sessions (a task's briefing, its output checks and its validation
 * describe ~5 relations).
 *
 * <p>Two small statements instead of one large one: the name is found in {@code duckdb_views()} and
 * {@code duckdb_tables()}, then {@code pragma_table_info} lists its columns. {@code duckdb_columns()} would do it
 * in one, but it lists every column of every catalog, DuckDB's own ~500 included, before it can filter: measured
 * at 1.7-2.1 ms per describe on a workspace of 30 views, against 0.75 ms for the pair.
 *
 * <p>{@code pragma_table_info} binds a view, so it reports the columns a query of the view returns now. A view
 * that no longer binds (what it reads was dropped or changed) makes it fail; such a view is described by the
 * columns DuckDB stored for it, read from {@code duckdb_columns()}, as before. No transaction is ever open on
 * the connection across a describe, so the failed bind aborts nothing. Thread-safe.
 */
final class RelationDescriber implements AutoCloseable {
    // The database is a parameter: current_database() costs ~0.2 ms a call, as much as the rest of the lookup.
    private static final String LOOKUP = """
            SELECT view_name, true FROM duckdb_views()
             WHERE database_name = ? AND schema_name = 'main' AND lower(view_name) = lower(?)
            UNION ALL
            SELECT table_name, false FROM duckdb_tables()
             WHERE database_name = ? AND schema_name = 'main' AND lower(table_name) = lower(?)""";
    private static final String STORED_COLUMNS = """
            SELECT column_name, data_type FROM duckdb_columns()
             WHERE database_name = ? AND schema_name = 'main' AND table_name = ?
             ORDER BY column_index""";

    private final Connection connection;
    private final String database;
    private final String qualifier;
    private final PreparedStatements statements;

    /** {@code connection}: its own, closed with it; {@code database}: the name the workspace's file is attached under. */
    RelationDescriber(Connection connection, String database) {
        this.connection = connection;
        this.database = database;
        this.qualifier = Sql.identifier(database) + ".main.";
        this.statements = new PreparedStatements(connection);
    }

    /** The table or view {@code name} (any case) of the main schema, with its columns; empty when there is none. */
    synchronized Optional<RelationInfo> describe(String name) {
        try {
            PreparedStatement lookup = statements.get(LOOKUP);
            lookup.setString(1, database);
            lookup.setString(2, name);
            lookup.setString(3, database);
            lookup.setString(4, name);
            String relation = null;
            boolean view = false;
            try (ResultSet rs = lookup.executeQuery()) {
                if (rs.next()) {
                    relation = rs.getString(1);
                    view = rs.getBoolean(2);
                }
            }
            if (relation == null) {
                return Optional.empty();
            }
            List<Column> columns = view ? viewColumns(relation) : boundColumns(relation);
            return Optional.of(new RelationInfo(relation, view ? RelationInfo.Kind.VIEW : RelationInfo.Kind.TABLE,
                    columns));
        } catch (SQLException e) {
            throw new SqlFailure(Sql.message(e), e);
        }
    }

    private List<Column> viewColumns(String view) throws SQLException {
        try {
            return boundColumns(view);
        } catch (SQLException doesNotBind) {
            return storedColumns(view);
        }
    }

    /** In column order: the order pragma_table_info lists them in (an ORDER BY cid would cost a third more). */
    private List<Column> boundColumns(String relation) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name, type FROM pragma_table_info("
                     + Sql.literal(qualifier + Sql.identifier(relation)) + ")")) {
            return columns(rs);
        }
    }

    private List<Column> storedColumns(String view) throws SQLException {
        PreparedStatement statement = statements.get(STORED_COLUMNS);
        statement.setString(1, database);
        statement.setString(2, view);
        try (ResultSet rs = statement.executeQuery()) {
            return columns(rs);
        }
    }

    private static List<Column> columns(ResultSet rs) throws SQLException {
        List<Column> columns = new ArrayList<>();
        while (rs.next()) {
            columns.add(new Column(rs.getString(1), rs.getString(2)));
        }
        return columns;
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
