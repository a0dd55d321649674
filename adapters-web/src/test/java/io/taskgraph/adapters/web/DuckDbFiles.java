package io.taskgraph.adapters.web;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads a downloaded .db file with the DuckDB JDBC driver itself, independent of the adapter that wrote it. */
final class DuckDbFiles {
    private DuckDbFiles() {
    }

    static List<List<Object>> rows(Path db, String sql) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), readOnly);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof Number n && !(value instanceof Double) ? n.longValue() : value);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
