package io.taskgraph.adapters.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workspace file as a user's own DuckDB sees it later: a plain JDBC connection with default settings
 * (external access on). {@link #everythingItShows} selects from every view and calls every macro with its
 * defaults, the way anyone exploring the file would, and returns every value that came back.
 */
final class StockDuckDb {
    private static final int MAX_ROWS = 1000;

    private StockDuckDb() {
    }

    /** Every value (as text) of every view and of every macro called without arguments; failing ones give none. */
    static List<String> everythingItShows(Path file) {
        List<String> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement statement = connection.createStatement()) {
            for (String view : names(statement, "SELECT view_name FROM duckdb_views() WHERE NOT internal "
                    + "AND database_name = current_database()")) {
                collect(connection, "SELECT * FROM " + Sql.identifier(view), values);
            }
            for (Map.Entry<String, String> macro : macros(statement).entrySet()) {
                String call = Sql.identifier(macro.getKey()) + "()";
                collect(connection, macro.getValue().equals("table_macro") ? "SELECT * FROM " + call : "SELECT " + call,
                        values);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("a stock DuckDB could not open " + file + ": " + e.getMessage(), e);
        }
        return values;
    }

    /** The SQL of every view, by name: what a later reader would run. */
    static Map<String, String> viewDefinitions(Path file) {
        Map<String, String> views = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal "
                     + "AND database_name = current_database() ORDER BY view_name")) {
            while (rs.next()) {
                views.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return views;
    }

    /** The rows of one query on a stock connection to {@code file} (null: an in-memory database). */
    static List<List<Object>> rows(Path file, String sql) {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + (file == null ? "" : file));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static List<String> names(Statement statement, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static Map<String, String> macros(Statement statement) throws SQLException {
        Map<String, String> macros = new LinkedHashMap<>();
        try (ResultSet rs = statement.executeQuery("SELECT function_name, function_type FROM duckdb_functions() "
                + "WHERE NOT internal AND database_name = current_database()")) {
            while (rs.next()) {
                macros.put(rs.getString(1), rs.getString(2));
            }
        }
        return macros;
    }

    /** A statement of its own per query: a failing query may close the statement it ran on. */
    private static void collect(Connection connection, String sql, List<String> values) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            for (int row = 0; row < MAX_ROWS && rs.next(); row++) {
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rs.getString(i)));
                }
            }
        } catch (SQLException e) {
            // A view or macro that fails to run shows nothing: that is a safe outcome.
        }
    }
}
