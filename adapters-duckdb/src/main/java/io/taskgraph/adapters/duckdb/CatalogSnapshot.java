package io.taskgraph.adapters.duckdb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the catalog holds, as seen inside one transaction, each object with a version (its catalog oid, which
 * changes when the object is replaced, plus its definition for tables and macros). Two snapshots taken before
 * and after a statement in the same transaction show what that statement changed.
 *
 * <p>Two sizes, because listing some kinds costs far more than others (measured on this machine: about 0.25 ms
 * per catalog function, 0.7 ms for duckdb_types(), 10-30 ms for duckdb_functions(), which lists every built-in
 * function and cannot be filtered before it does):
 * <ul>
 *   <li>{@link #FOR_VIEWS}: tables, views, schemas and attached databases, for statements classified as
 *       CREATE/DROP VIEW. The session keeps such a statement only if it changed a view, and only the task's own;
 *       one DuckDB statement changes one catalog entry (or, like ATTACH or DROP SCHEMA ... CASCADE, entries
 *       that include views elsewhere, which this snapshot sees), so a statement that really created a macro,
 *       type, sequence or index changed no view and is rolled back. Tables, schemas and databases are listed
 *       anyway: they are cheap, and the data is what matters most.</li>
 *   <li>{@link #FOR_MACROS}: everything, macros included, for statements classified as CREATE/DROP MACRO.</li>
 * </ul>
 */
record CatalogSnapshot(Map<Key, String> entries, Map<Key, List<String>> definitions) {
    /** One catalog object. {@code kind}: table, view, macro, schema, sequence, type, index or database. */
    record Key(String kind, String database, String schema, String name) {
        String describe() {
            return switch (kind) {
                case "database" -> "database " + name;
                case "schema" -> "schema " + database + "." + name;
                default -> kind + " " + database + "." + schema + "." + name;
            };
        }
    }

    /** A catalog object that appeared, disappeared or was replaced. */
    record Change(Key key, Action action) {
        enum Action { CREATED, REPLACED, DROPPED }

        String describe() {
            return action.name().toLowerCase(java.util.Locale.ROOT) + " " + key.describe();
        }
    }

    static final String FOR_VIEWS = """
            SELECT 'table', database_name, schema_name, table_name, CAST(table_oid AS VARCHAR) || ' ' || coalesce(sql, ''),
                   NULL
              FROM duckdb_tables()
            UNION ALL SELECT 'view', database_name, schema_name, view_name, CAST(view_oid AS VARCHAR), sql
              FROM duckdb_views() WHERE NOT internal
            UNION ALL SELECT 'schema', database_name, schema_name, schema_name, CAST(oid AS VARCHAR), NULL
              FROM duckdb_schemas()
            UNION ALL SELECT 'database', database_name, '', database_name, CAST(database_oid AS VARCHAR), NULL
              FROM duckdb_databases()""";

    static final String FOR_MACROS = FOR_VIEWS + """

            UNION ALL SELECT 'sequence', database_name, schema_name, sequence_name, CAST(sequence_oid AS VARCHAR), NULL
              FROM duckdb_sequences()
            UNION ALL SELECT 'type', database_name, schema_name, type_name, CAST(type_oid AS VARCHAR), NULL
              FROM duckdb_types() WHERE NOT internal
            UNION ALL SELECT 'index', database_name, schema_name, index_name, CAST(index_oid AS VARCHAR), NULL
              FROM duckdb_indexes()
            UNION ALL SELECT 'macro', database_name, schema_name, function_name,
                   CAST(function_oid AS VARCHAR) || ' ' || coalesce(macro_definition, ''),
                   function_type || ':' || coalesce(macro_definition, '')
              FROM duckdb_functions() WHERE NOT internal""";

    static CatalogSnapshot take(PreparedStatement query) throws SQLException {
        Map<Key, String> entries = new HashMap<>();
        Map<Key, List<String>> definitions = new HashMap<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                Key key = new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
                // Overloaded macros share a name: their versions are joined in the order listed.
                entries.merge(key, rs.getString(5), (a, b) -> a + "|" + b);
                String definition = rs.getString(6);
                if (definition != null) {
                    definitions.computeIfAbsent(key, k -> new ArrayList<>()).add(definition);
                }
            }
        }
        return new CatalogSnapshot(entries, definitions);
    }

    /**
     * The stored SQL of a view ({@code CREATE VIEW ... AS ...;}), or of each overload of a macro as
     * {@code macro:<expression>} or {@code table_macro:<query>}; empty for other kinds.
     */
    List<String> definitions(Key key) {
        return definitions.getOrDefault(key, List.of());
    }

    /** The views and, if this snapshot lists them, macros it holds. */
    List<Key> viewsAndMacros() {
        return definitions.keySet().stream().toList();
    }

    /** What changed from this snapshot to {@code after}, in a stable order. */
    List<Change> changesTo(CatalogSnapshot after) {
        Map<String, Change> changes = new TreeMap<>();
        for (Map.Entry<Key, String> entry : entries.entrySet()) {
            String now = after.entries.get(entry.getKey());
            if (now == null) {
                put(changes, new Change(entry.getKey(), Change.Action.DROPPED));
            } else if (!now.equals(entry.getValue())) {
                put(changes, new Change(entry.getKey(), Change.Action.REPLACED));
            }
        }
        for (Key key : after.entries.keySet()) {
            if (!entries.containsKey(key)) {
                put(changes, new Change(key, Change.Action.CREATED));
            }
        }
        return new ArrayList<>(changes.values());
    }

    private static void put(Map<String, Change> changes, Change change) {
        changes.put(change.key().describe(), change);
    }
}
