package io.taskgraph.adapters.duckdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names of DuckDB's own functions (every kind, lower case), which the read rules tell apart from the tasks'
 * macros. They are the same for every database of one DuckDB library, so they are read once per process:
 * listing them costs tens of milliseconds.
 */
final class BuiltinFunctions {
    private static volatile Set<String> names;

    private BuiltinFunctions() {
    }

    static Set<String> names(Connection connection) throws SQLException {
        Set<String> known = names;
        if (known != null) {
            return known;
        }
        synchronized (BuiltinFunctions.class) {
            if (names == null) {
                Set<String> read = new HashSet<>();
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery(
                             "SELECT DISTINCT function_name FROM duckdb_functions() WHERE database_name = 'system'")) {
                    while (rs.next()) {
                        read.add(rs.getString(1).toLowerCase(Locale.ROOT));
                    }
                }
                names = Set.copyOf(read);
            }
            return names;
        }
    }
}
