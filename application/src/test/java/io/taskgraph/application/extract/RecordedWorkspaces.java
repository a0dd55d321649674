package io.taskgraph.application.extract;

import io.taskgraph.domain.WorkspaceException;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.meta.TaskMeta;
import io.taskgraph.domain.meta.WorkspaceMeta;
import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.TaskSession;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.Namespace;
import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An engine whose read-only workspaces are given by their metadata alone (null: a database with no
 * metadata table); files not registered fail to open like a non-DuckDB file would. Writes are refused,
 * so a test fails if extract-spec tried to change the workspace.
 */
final class RecordedWorkspaces implements SqlEngine {
    private final Map<Path, WorkspaceMeta> metaByFile = new HashMap<>();
    int opened;
    int closed;

    void register(Path file, WorkspaceMeta meta) {
        metaByFile.put(file, meta);
    }

    @Override
    public Workspace create(Path file, boolean replace) {
        throw new AssertionError("extract-spec must not create workspaces");
    }

    @Override
    public Workspace copy(Path source, Path target, boolean replace) {
        throw new AssertionError("extract-spec must not copy workspaces");
    }

    @Override
    public Workspace openReadOnly(Path file) {
        if (!metaByFile.containsKey(file)) {
            throw new WorkspaceException("not a DuckDB database file");
        }
        opened++;
        WorkspaceMeta meta = metaByFile.get(file);
        return new Workspace() {
            @Override
            public Path file() {
                return file;
            }

            @Override
            public Optional<RelationInfo> describe(String name) {
                return name.equals("_workspace_meta") && meta != null
                        ? Optional.of(new RelationInfo(name, RelationInfo.Kind.TABLE, List.of())) : Optional.empty();
            }

            @Override
            public WorkspaceMeta workspaceMeta() {
                return meta == null ? WorkspaceMeta.EMPTY : meta;
            }

            @Override
            public void discard() {
                throw new UnsupportedOperationException("a read-only workspace is never discarded");
            }

            @Override
            public void close() {
                closed++;
            }

            @Override
            public QueryResult query(String sql) {
                throw new AssertionError("not needed");
            }

            @Override
            public QueryResult query(String sql, List<Object> parameters) {
                throw new AssertionError("not needed");
            }

            @Override
            public long ingest(String table, TableSource source) {
                throw new AssertionError("read-only");
            }

            @Override
            public List<String> inputTables() {
                return List.of();
            }

            @Override
            public List<String> views() {
                return List.of();
            }

            @Override
            public void restrictExternalAccess() {
                throw new AssertionError("read-only");
            }

            @Override
            public List<String> dropUnsafeObjects() {
                throw new AssertionError("read-only");
            }

            @Override
            public TaskSession openTaskSession(String task, Namespace namespace) {
                throw new AssertionError("read-only");
            }

            @Override
            public void putWorkspaceMeta(WorkspaceMeta update) {
                throw new AssertionError("read-only");
            }

            @Override
            public void putTaskMeta(String task, TaskMeta update) {
                throw new AssertionError("read-only");
            }

            @Override
            public Map<String, TaskMeta> taskMeta() {
                return Map.of();
            }

            @Override
            public void checkpoint() {
                throw new AssertionError("read-only");
            }
        };
    }
}
