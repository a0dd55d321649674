package io.taskgraph.adapters.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metadata tables every workspace keeps, with exactly the original tool's columns (the README promises the
 * same {@code .db} layout, so existing queries on workspaces of the original tool keep working). Upserts are a DELETE and an INSERT in one transaction: no key
 * constraints, so the tables stay plain and cheap to append to.
 */
final class MetadataTables {
    static final String TRACE = "_trace";
    static final String TASK_META = "_task_meta";
    static final String WORKSPACE_META = "_workspace_meta";
    static final Set<String> NAMES = Set.of(TRACE, TASK_META, WORKSPACE_META);

    private MetadataTables() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS _trace (id BIGINT, timestamp TIMESTAMP, task VARCHAR, "
                    + "query VARCHAR, success BOOLEAN, error VARCHAR, row_count BIGINT, elapsed_ms DOUBLE)");
            statement.execute("CREATE TABLE IF NOT EXISTS _task_meta (task VARCHAR, key VARCHAR, value VARCHAR)");
            statement.execute("CREATE TABLE IF NOT EXISTS _workspace_meta (key VARCHAR, value VARCHAR)");
        }
    }

    static boolean isWorkspace(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE database_name = "
                     + "current_database() AND schema_name = 'main' AND table_name = '_workspace_meta'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    static void putWorkspaceMeta(PreparedStatements prepared, Map<String, String> entries) throws SQLException {
        inTransaction(prepared, () -> upsert(prepared, WORKSPACE_META, null, null, entries, List.of(), true));
    }

    /**
     * Sets {@code entries} and deletes {@code cleared} of one task's rows, in one transaction. A task without rows
     * ({@code hasRows} false) needs no DELETE, only the INSERT: most settles of a first run, ~1 ms less each on the
     * thread that starts the next tasks.
     */
    static void putTaskMeta(PreparedStatements prepared, String task, boolean hasRows, Map<String, String> entries,
                            Collection<String> cleared) throws SQLException {
        if (!hasRows) {
            // One INSERT, atomic on its own: the BEGIN and COMMIT around it would only add two statements.
            upsert(prepared, TASK_META, "task", task, entries, List.of(), false);
            return;
        }
        inTransaction(prepared, () -> upsert(prepared, TASK_META, "task", task, entries, cleared, true));
    }

    /** The tasks that have rows in {@code _task_meta}. */
    static Set<String> tasksWithMeta(Connection connection) throws SQLException {
        Set<String> tasks = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT DISTINCT task FROM _task_meta")) {
            while (rs.next()) {
                tasks.add(rs.getString(1));
            }
        }
        return tasks;
    }

    /**
     * Replaces the rows of {@code entries}' keys, and deletes those of {@code cleared} (of the rows whose
     * {@code scopeColumn}, when given, holds {@code scopeValue}), with one DELETE and one multi-row INSERT. A
     * DELETE and an INSERT per key cost ~30 statements a task, 15-30 ms of CPU on the thread that schedules the
     * next tasks; preparing the pair each time cost ~2 ms more, so they are prepared once per shape. The caller
     * holds the transaction.
     */
    private static void upsert(PreparedStatements prepared, String table, String scopeColumn, String scopeValue,
                               Map<String, String> entries, Collection<String> cleared, boolean hasRows)
            throws SQLException {
        boolean scoped = scopeColumn != null;
        int deleted = entries.size() + cleared.size();
        if (hasRows && deleted > 0) {
            PreparedStatement deleteOld = prepared.get("DELETE FROM " + table + " WHERE "
                    + (scoped ? scopeColumn + " = ? AND " : "") + "key IN ("
                    + String.join(", ", Collections.nCopies(deleted, "?")) + ")");
            int d = 1;
            if (scoped) {
                deleteOld.setString(d++, scopeValue);
            }
            for (String key : entries.keySet()) {
                deleteOld.setString(d++, key);
            }
            for (String key : cleared) {
                deleteOld.setString(d++, key);
            }
            deleteOld.execute();
        }
        if (entries.isEmpty()) {
            return;
        }
        String row = scoped ? "(?, ?, ?)" : "(?, ?)";
        PreparedStatement insertNew = prepared.get("INSERT INTO " + table + " VALUES "
                + String.join(", ", Collections.nCopies(entries.size(), row)));
        int i = 1;
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            if (scoped) {
                insertNew.setString(i++, scopeValue);
            }
            insertNew.setString(i++, entry.getKey());
            insertNew.setString(i++, entry.getValue());
        }
        insertNew.execute();
    }

    static Map<String, String> workspaceMeta(Connection connection) throws SQLException {
        Map<String, String> meta = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT key, value FROM _workspace_meta ORDER BY key")) {
            while (rs.next()) {
                meta.put(rs.getString(1), rs.getString(2));
            }
        }
        return meta;
    }

    static Map<String, Map<String, String>> taskMeta(Connection connection) throws SQLException {
        Map<String, Map<String, String>> meta = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT task, key, value FROM _task_meta ORDER BY task, key")) {
            while (rs.next()) {
                meta.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        return meta;
    }

    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    private static void inTransaction(PreparedStatements prepared, Work work) throws SQLException {
        prepared.get("BEGIN TRANSACTION").execute();
        try {
            work.run();
            prepared.get("COMMIT").execute();
        } catch (SQLException | RuntimeException e) {
            try {
                prepared.get("ROLLBACK").execute();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }
}
