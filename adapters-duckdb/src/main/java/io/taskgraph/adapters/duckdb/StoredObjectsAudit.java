package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.sql.QueryParts;
import io.taskgraph.domain.sql.ReadRules;
import io.taskgraph.domain.sql.StatementKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every view and macro stored in a workspace, judged as a stock DuckDB opening the file would see them: the
 * definitions come from the catalog of the database itself (never from a session's temporary objects), and each
 * must stay inside the workspace ({@link ReadRules#forWorkspace}). What fails is dropped. A workspace written by
 * this version never holds such an object (every change is checked before it commits); one written by an older
 * version, or by hand, may, and a rerun must not carry it forward.
 */
final class StoredObjectsAudit {
    private static final String VIEWS = "SELECT view_name, sql FROM duckdb_views() WHERE NOT internal "
            + "AND database_name = current_database() AND schema_name = 'main' ORDER BY view_name";
    private static final String MACROS = "SELECT function_name, function_type, macro_definition FROM duckdb_functions() "
            + "WHERE NOT internal AND database_name = current_database() AND schema_name = 'main' "
            + "AND function_type IN ('macro', 'table_macro') ORDER BY function_name";

    private StoredObjectsAudit() {
    }

    /** Drops every unsafe stored view and macro; one message per object dropped, saying why. */
    static List<String> dropUnsafe(Connection connection, String database, String file) throws SQLException {
        ReadRules rules = ReadRules.forWorkspace(database, BuiltinFunctions.names(connection));
        List<String> dropped = new ArrayList<>();
        try (QueryParser parser = new QueryParser(connection); Statement statement = connection.createStatement()) {
            Map<String, String> views = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery(VIEWS)) {
                while (rs.next()) {
                    views.put(rs.getString(1), rs.getString(2));
                }
            }
            for (Map.Entry<String, String> view : views.entrySet()) {
                Optional<String> problem = ReadCheck.refusal(parser,
                        QueryParts.of(view.getValue(), StatementKind.CREATE_VIEW), rules);
                if (problem.isPresent()) {
                    statement.execute("DROP VIEW main." + Sql.identifier(view.getKey()));
                    dropped.add(message("view", view.getKey(), file, problem.get()));
                }
            }
            Map<String, List<String[]>> macros = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery(MACROS)) {
                while (rs.next()) {
                    macros.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new String[] {rs.getString(2), rs.getString(3)});
                }
            }
            for (Map.Entry<String, List<String[]>> macro : macros.entrySet()) {
                Optional<String> problem = rules.macroNameProblem(macro.getKey());
                boolean table = false;
                for (String[] overload : macro.getValue()) {
                    table = overload[0].equals("table_macro");
                    if (problem.isEmpty()) {
                        problem = ReadCheck.refusal(parser, QueryParts.ofStoredMacro(
                                overload[1] == null ? "NULL" : overload[1], table), rules);
                    }
                }
                if (problem.isPresent()) {
                    statement.execute("DROP MACRO " + (table ? "TABLE " : "") + "main." + Sql.identifier(macro.getKey()));
                    dropped.add(message("macro", macro.getKey(), file, problem.get()));
                }
            }
        }
        return dropped;
    }

    private static String message(String kind, String name, String file, String problem) {
        return "Dropped the " + kind + " " + name + " from " + file + ": it does not keep to the rules every stored "
                + "view and macro must keep (read only inside the workspace, build no unbounded value). " + problem;
    }
}
