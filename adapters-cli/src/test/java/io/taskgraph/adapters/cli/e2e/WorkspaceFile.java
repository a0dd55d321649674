package io.taskgraph.adapters.cli.e2e;

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
import java.util.Properties;

/** Reads a workspace .db file the CLI wrote, with plain DuckDB JDBC, as a user's own query would. */
public final class WorkspaceFile {
    private WorkspaceFile() {
    }

    /** Rows of {@code sql}, each row's values as text (null stays null). */
    public static List<List<String>> query(Path db, String sql) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db, readOnly);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    public static Map<String, String> workspaceMeta(Path db) throws SQLException {
        Map<String, String> meta = new LinkedHashMap<>();
        for (List<String> row : query(db, "SELECT key, value FROM _workspace_meta ORDER BY key")) {
            meta.put(row.get(0), row.get(1));
        }
        return meta;
    }

    /** {@code key -> JSON text} of one task's {@code _task_meta}. */
    public static Map<String, String> taskMeta(Path db, String task) throws SQLException {
        Map<String, String> meta = new LinkedHashMap<>();
        for (List<String> row : query(db, "SELECT key, value FROM _task_meta WHERE task = '" + task + "' ORDER BY key")) {
            meta.put(row.get(0), row.get(1));
        }
        return meta;
    }
}
