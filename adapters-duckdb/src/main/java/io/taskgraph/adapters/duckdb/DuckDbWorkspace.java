package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.meta.TaskMeta;
import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import io.taskgraph.domain.sql.RowSink;
import io.taskgraph.domain.sql.SqlFailure;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.duckdb.DuckDBConnection;

/**
 * One open workspace file. The workspace's own connection serves ingestion, metadata and the application's
 * reads (one caller at a time: its methods are synchronized); each task gets a connection of its own from
 * {@link #openTaskSession}. A read-only workspace refuses everything that would write.
 */
final class DuckDbWorkspace implements Workspace {
    private static final String[] RESTRICTIONS = {
        "SET enable_external_access = false",
        "SET autoinstall_known_extensions = false",
        "SET autoload_known_extensions = false",
        "SET allow_community_extensions = false",
        "SET lock_configuration = true",
    };

    /**
     * How long after a task's session opens its statements are prepared: after the briefing and the first model
     * request (tens of milliseconds when a layer's tasks start together), well before a model answers (hundreds).
     */
    private static final Duration PREPARE_AHEAD_DELAY = Duration.ofMillis(150);

    private final Path file;
    private final DuckDBConnection connection;
    private final boolean readOnly;
    private final DuckDbSettings settings;
    private final TraceLog trace;
    private final ScheduledExecutorService timer;
    private final ScheduledExecutorService preparer;
    private final Set<DuckDbTaskSession> sessions = ConcurrentHashMap.newKeySet();
    private final PreparedStatements metadataStatements;
    private String databaseName;
    private RelationDescriber describer;
    /** The tasks with rows in _task_meta: this workspace is their only writer. Read at the first write. */
    private Set<String> tasksWithMeta;
    private boolean restricted;
    private boolean closed;

    DuckDbWorkspace(Path file, DuckDBConnection connection, boolean readOnly, DuckDbSettings settings)
            throws SQLException {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
        this.settings = settings;
        this.metadataStatements = new PreparedStatements(connection);
        if (readOnly) {
            this.trace = null;
            this.timer = null;
            this.preparer = null;
        } else {
            try (Statement statement = connection.createStatement()) {
                // Row order of ingested inputs depends on it; it is DuckDB's default, set so it cannot drift.
                statement.execute("SET preserve_insertion_order = true");
            }
            this.trace = new TraceLog(connection.duplicate(), String.valueOf(file.getFileName()));
            this.timer = daemonScheduler("taskgraph-statement-timeout-" + file.getFileName());
            // Not the timer's thread: preparing waits for the session, and a session's long statement waits for
            // the timer to stop it.
            this.preparer = daemonScheduler("taskgraph-prepare-ahead-" + file.getFileName());
        }
    }

    private static ScheduledExecutorService daemonScheduler(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName(name);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public synchronized long ingest(String table, TableSource source) {
        requireWritable("ingest input '" + table + "'");
        if (restricted) {
            throw new IllegalStateException("ingest must happen before restrictExternalAccess(): input '" + table
                    + "' came after");
        }
        if (MetadataTables.NAMES.contains(table.toLowerCase(java.util.Locale.ROOT))) {
            throw new WorkspaceException(ErrorCategory.BAD_INPUT, "An input cannot be named '" + table + "': the workspace keeps its own "
                    + "metadata in that table. Rename the input.");
        }
        return TableIngestion.ingest(connection, table, source);
    }

    @Override
    public synchronized List<String> inputTables() {
        requireOpen();
        List<String> tables = new ArrayList<>();
        for (List<Object> row : read("SELECT table_name FROM duckdb_tables() WHERE database_name = "
                + "current_database() AND schema_name = 'main' ORDER BY table_name").rows()) {
            String name = (String) row.get(0);
            if (!MetadataTables.NAMES.contains(name)) {
                tables.add(name);
            }
        }
        return tables;
    }

    @Override
    public synchronized List<String> views() {
        requireOpen();
        return read("SELECT view_name FROM duckdb_views() WHERE NOT internal AND database_name = current_database() "
                + "AND schema_name = 'main' ORDER BY view_name").rows().stream()
                .map(row -> (String) row.get(0)).toList();
    }

    @Override
    public synchronized void restrictExternalAccess() {
        requireOpen();
        if (restricted) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String setting : RESTRICTIONS) {
                statement.execute(setting);
            }
        } catch (SQLException e) {
            throw new WorkspaceException("Could not lock down the workspace " + file + " before agent SQL: "
                    + Sql.shortMessage(e), e);
        }
        restricted = true;
    }

    /**
     * The describer of this workspace and all its task sessions, on a connection of its own, made at first use:
     * describes are of committed relations and need no session's transaction, and its lookup is then prepared once
     * per workspace instead of once per task (~1 ms of each task start). Its own connection, because two threads
     * on one DuckDB connection share its transaction, and a describe could then run in an older snapshot.
     */
    private RelationDescriber describer() throws SQLException {
        if (describer == null) {
            describer = new RelationDescriber(connection.duplicate(), databaseName());
        }
        return describer;
    }

    /** The name under which the workspace's own file is attached (every connection shares it); asked once. */
    private String databaseName() throws SQLException {
        if (databaseName == null) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT current_database()")) {
                rs.next();
                databaseName = rs.getString(1);
            }
        }
        return databaseName;
    }

    /**
     * A new connection for one task. External access is restricted first if that has not happened yet: agent SQL
     * never runs on a workspace that can still read files.
     */
    @Override
    public synchronized TaskSession openTaskSession(String task, Namespace namespace) {
        requireWritable("open a session for task '" + task + "'");
        restrictExternalAccess();
        try {
            DuckDbTaskSession[] holder = new DuckDbTaskSession[1];
            DuckDbTaskSession session = new DuckDbTaskSession(task, namespace, databaseName(), connection.duplicate(),
                    settings, trace, timer, describer(), () -> sessions.remove(holder[0]));
            holder[0] = session;
            sessions.add(session);
            session.prepareAheadAfter(PREPARE_AHEAD_DELAY, preparer);
            return session;
        } catch (SQLException e) {
            throw new WorkspaceException("Could not open a database connection for task '" + task + "' on " + file
                    + ": " + Sql.shortMessage(e), e);
        }
    }

    @Override
    public synchronized List<String> dropUnsafeObjects() {
        requireWritable("check the stored views and macros");
        try {
            return StoredObjectsAudit.dropUnsafe(connection, databaseName(), file.toString());
        } catch (SQLException e) {
            throw new WorkspaceException("Could not check the stored views and macros of " + file + ": "
                    + Sql.shortMessage(e), e);
        }
    }

    @Override
    public synchronized void putWorkspaceMeta(WorkspaceMeta update) {
        requireWritable("write workspace metadata");
        try {
            MetadataTables.putWorkspaceMeta(metadataStatements, MetadataText.workspaceEntries(update));
        } catch (SQLException e) {
            throw new WorkspaceException("Could not write _workspace_meta in " + file + ": " + Sql.shortMessage(e), e);
        }
    }

    @Override
    public synchronized WorkspaceMeta workspaceMeta() {
        requireOpen();
        try {
            return MetadataText.workspace(MetadataTables.workspaceMeta(connection));
        } catch (SQLException e) {
            throw new WorkspaceException("Could not read _workspace_meta in " + file + ": " + Sql.shortMessage(e), e);
        }
    }

    @Override
    public synchronized void putTaskMeta(String task, TaskMeta update) {
        requireWritable("write metadata of task '" + task + "'");
        try {
            if (tasksWithMeta == null) {
                tasksWithMeta = MetadataTables.tasksWithMeta(connection);
            }
            MetadataTables.putTaskMeta(metadataStatements, task, tasksWithMeta.contains(task),
                    MetadataText.taskEntries(update), MetadataText.taskKeysCleared(update));
            tasksWithMeta.add(task);
        } catch (SQLException e) {
            throw new WorkspaceException("Could not write _task_meta for task '" + task + "' in " + file + ": "
                    + Sql.shortMessage(e), e);
        }
    }

    @Override
    public synchronized Map<String, TaskMeta> taskMeta() {
        requireOpen();
        try {
            Map<String, TaskMeta> meta = new LinkedHashMap<>();
            MetadataTables.taskMeta(connection).forEach((task, text) -> meta.put(task, MetadataText.task(text)));
            return meta;
        } catch (SQLException e) {
            throw new WorkspaceException("Could not read _task_meta in " + file + ": " + Sql.shortMessage(e), e);
        }
    }

    /** Reads see every trace row of the statements that have returned: pending rows are written first. */
    @Override
    public synchronized QueryResult query(String sql, List<Object> parameters) {
        requireOpen();
        flushTrace();
        return SqlReads.query(connection, sql, parameters);
    }

    /** Rows are read one at a time from a streamed result: memory stays flat for any size. */
    @Override
    public synchronized long stream(String sql, RowSink sink) {
        requireOpen();
        flushTrace();
        return SqlReads.stream(connection, sql, sink);
    }

    @Override
    public synchronized Optional<RelationInfo> describe(String name) {
        requireOpen();
        try {
            return describer().describe(name);
        } catch (SQLException e) {
            throw new SqlFailure(Sql.message(e), e);
        }
    }

    @Override
    public synchronized void checkpoint() {
        requireOpen();
        if (readOnly) {
            return;
        }
        flushTrace();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new WorkspaceException("Could not write the workspace " + file + " to disk: "
                    + Sql.shortMessage(e), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        WorkspaceException failure = null;
        for (DuckDbTaskSession session : List.copyOf(sessions)) {
            try {
                session.close();
            } catch (WorkspaceException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (trace != null) {
            try {
                trace.close();
            } catch (WorkspaceException e) {
                failure = failure == null ? e : failure;
            }
            timer.shutdownNow();
            preparer.shutdownNow();
        }
        if (describer != null) {
            try {
                describer.close();
            } catch (SQLException e) {
                failure = failure == null ? new WorkspaceException("Could not close the workspace " + file + ": "
                        + Sql.shortMessage(e), e) : failure;
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            failure = failure == null
                    ? new WorkspaceException("Could not close the workspace " + file + ": " + Sql.shortMessage(e), e)
                    : failure;
        } finally {
            OpenFiles.release(file, !readOnly);
            WorkspaceFiles.removeSpillDirectory(file);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void discard() {
        try {
            close();
        } catch (WorkspaceException e) {
            // the file goes anyway; the error that made the run discard it is the one worth reporting
        }
        if (!readOnly) {
            WorkspaceFiles.deleteQuietly(file);
        }
    }

    private QueryResult read(String sql) {
        return SqlReads.query(connection, sql, List.of());
    }

    private void flushTrace() {
        if (trace != null && trace.hasPending()) {
            trace.flush();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the workspace " + file + " is closed");
        }
    }

    private void requireWritable(String action) {
        requireOpen();
        if (readOnly) {
            throw new WorkspaceException("Cannot " + action + ": the workspace " + file + " is open read-only.");
        }
    }
}
