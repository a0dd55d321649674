package io.taskgraph.domain.port;

import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.meta.TaskMeta;
import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.domain.sql.Namespace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One open workspace {@code .db} file. */
public interface Workspace extends SqlReader, AutoCloseable {
    Path file();

    /**
     * Creates (or replaces) input table {@code table} from {@code source}, adding {@code _row_id INTEGER}
     * numbered 1..n in source order. Returns the number of rows. Only before {@link #restrictExternalAccess}.
     * The engine reads the formats marked {@link io.taskgraph.domain.data.SourceFormat.ReadBy#ENGINE}; a workbook
     * goes through a {@link WorkbookReader} first, and is refused here with an {@link IllegalArgumentException}.
     * Column names are never changed: data whose names differ only in case, or that has its own {@code _row_id},
     * is refused with {@link io.taskgraph.domain.InvalidSpecException} (see
     * {@link io.taskgraph.domain.data.ColumnNames}) and leaves no table.
     */
    long ingest(String table, TableSource source);

    /** Names of the ingested input tables (metadata tables excluded). */
    List<String> inputTables();

    /** Names of the views in the workspace. */
    List<String> views();

    /**
     * From now on no SQL can read or write files or the network, load extensions or change configuration.
     * One way: called once ingestion has read its files, before any agent SQL runs.
     */
    void restrictExternalAccess();

    /**
     * Checks every view and macro stored in the workspace as a stock DuckDB opening the file later would resolve
     * it, and drops each that could read outside the workspace (files, the host's settings and paths) or build an
     * unbounded value; returns one message per object dropped, naming it and why. Agent changes are checked before
     * they commit, so this finds only what an older version or a person left in the file.
     */
    List<String> dropUnsafeObjects();

    /** A new connection for one task, whose agent statements are limited to {@code namespace}. */
    TaskSession openTaskSession(String task, Namespace namespace);

    /**
     * Records what {@code update} holds in {@code _workspace_meta}; parts it leaves empty keep their recorded value.
     * The adapter writes the {@code .db}'s text for each part (plain text, or JSON for the JSON keys).
     */
    void putWorkspaceMeta(WorkspaceMeta update);

    /** What {@code _workspace_meta} holds; parts it lacks or that cannot be read are empty. */
    WorkspaceMeta workspaceMeta();

    /**
     * Records what {@code update} holds in one task's {@code _task_meta}; parts it leaves empty keep their recorded
     * value, and a usage without a cost removes the recorded cost (see {@link TaskMeta#usage}).
     */
    void putTaskMeta(String task, TaskMeta update);

    /** Every task's {@code _task_meta}, by task name in name order; parts that cannot be read are empty. */
    Map<String, TaskMeta> taskMeta();

    /** Writes everything to disk; the file is a valid workspace afterwards even if the process dies. */
    void checkpoint();

    /**
     * Closes the workspace and deletes its file (and anything the engine keeps beside it): for a run that stopped
     * before producing anything worth keeping, so the same output path can be used again at once. Read-only
     * workspaces are only closed. Best effort: a file that cannot be deleted is left, and the caller's error stands.
     */
    void discard();

    @Override
    void close();
}
