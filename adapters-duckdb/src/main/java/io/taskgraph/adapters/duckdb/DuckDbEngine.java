package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.ErrorCategory;
import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * {@link SqlEngine} on DuckDB JDBC: workspace files are DuckDB databases holding the input tables, the agents'
 * views and macros, and the metadata tables {@code _trace}, {@code _task_meta} and {@code _workspace_meta}.
 */
public final class DuckDbEngine implements SqlEngine {
    private final DuckDbSettings settings;

    public DuckDbEngine() {
        this(DuckDbSettings.defaults());
    }

    public DuckDbEngine(DuckDbSettings settings) {
        this.settings = settings;
    }

    @Override
    public Workspace create(Path file, boolean replace) {
        Path path = normalize(file);
        WorkspaceFiles.prepareTarget(path, replace, "workspace file");
        return openForWriting(path, true);
    }

    @Override
    public Workspace copy(Path source, Path target, boolean replace) {
        Path from = normalize(source);
        Path to = normalize(target);
        if (from.equals(to)) {
            throw new WorkspaceException(ErrorCategory.BAD_INPUT, "Cannot copy the workspace " + from + " onto itself: give the rerun a "
                    + "different output file.");
        }
        WorkspaceFiles.requireCopyableSource(from);
        WorkspaceFiles.prepareTarget(to, replace, "workspace file");
        WorkspaceFiles.copy(from, to);
        try {
            return openForWriting(to, false);
        } catch (WorkspaceException e) {
            WorkspaceFiles.deleteQuietly(to);
            throw new WorkspaceException(e.category(), e.getMessage().replace(to.toString(), from + " (copied to " + to + ")"), e);
        }
    }

    @Override
    public Workspace openReadOnly(Path file) {
        Path path = normalize(file);
        if (!Files.isRegularFile(path)) {
            throw new WorkspaceException(ErrorCategory.NOT_FOUND, "The workspace file " + path + " does not exist.");
        }
        OpenFiles.claimForReading(path);
        DuckDBConnection connection = null;
        try {
            connection = connect(path, true);
            requireWorkspace(path, connection);
            return new DuckDbWorkspace(path, connection, true, settings);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            OpenFiles.release(path, false);
            throw asWorkspaceException(path, e);
        }
    }

    /** A fresh workspace gets the metadata tables; a copy must already be one, and is checkpointed to one file. */
    private Workspace openForWriting(Path path, boolean fresh) {
        OpenFiles.claimForWriting(path);
        DuckDBConnection connection = null;
        try {
            connection = connect(path, false);
            if (fresh) {
                MetadataTables.create(connection);
            } else {
                requireWorkspace(path, connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT");
                }
            }
            return new DuckDbWorkspace(path, connection, false, settings);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            OpenFiles.release(path, true);
            throw asWorkspaceException(path, e);
        }
    }

    /**
     * A connection with the run's memory limit, spilling to {@link WorkspaceFiles#spillDirectory} beside the file
     * (DuckDB creates it when it first spills and removes it when the database closes).
     */
    private DuckDBConnection connect(Path path, boolean readOnly) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("memory_limit", settings.memoryLimit().setting());
        properties.setProperty("temp_directory", WorkspaceFiles.spillDirectory(path).toString());
        // Stream results, so that a result too large for the agent is abandoned after its first rows instead
        // of being materialised whole.
        properties.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        if (readOnly) {
            properties.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
        }
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + path, properties);
    }

    private static void requireWorkspace(Path path, DuckDBConnection connection) throws SQLException {
        if (!MetadataTables.isWorkspace(connection)) {
            throw new WorkspaceException(ErrorCategory.BAD_INPUT, "The file " + path + " is a DuckDB database but not a Taskgraph workspace "
                    + "(it has no _workspace_meta table). Give the .db file a taskgraph run wrote.");
        }
    }

    private static WorkspaceException asWorkspaceException(Path path, Exception e) {
        if (e instanceof WorkspaceException workspaceException) {
            return workspaceException;
        }
        String message = e instanceof SQLException sql ? Sql.shortMessage(sql) : String.valueOf(e.getMessage());
        if (message.contains("not a valid DuckDB database")) {
            return new WorkspaceException(ErrorCategory.BAD_INPUT, "The file " + path + " is not a DuckDB database, so it cannot be a "
                    + "Taskgraph workspace. Give the .db file a taskgraph run wrote.", e);
        }
        if (message.contains("lock")) {
            return new WorkspaceException(ErrorCategory.CONFLICT, "The workspace " + path + " is open in another program (a running taskgraph "
                    + "or duckdb?). Close it, then retry. (" + message + ")", e);
        }
        return new WorkspaceException("Could not open the workspace " + path + ": " + message, e);
    }

    private static void closeQuietly(DuckDBConnection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Already failing: the first error is the one to report.
        }
    }

    private static Path normalize(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
