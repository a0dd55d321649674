package io.taskgraph.adapters.web.run;

import io.taskgraph.domain.port.SqlEngine;
import io.taskgraph.domain.port.Workspace;
import io.taskgraph.domain.sql.QueryResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads a finished run's workspace, read-only: which views it holds and the first rows of one of them. */
public final class RunOutputs {
    private final SqlEngine engine;

    public RunOutputs(SqlEngine engine) {
        this.engine = engine;
    }

    public List<String> views(Path db) {
        try (Workspace workspace = engine.openReadOnly(db)) {
            return workspace.views().stream().sorted().toList();
        }
    }

    /**
     * Up to {@code limit} rows of view {@code view}, plus one to tell whether there are more; empty when the
     * workspace has no such view. The name is checked against the catalog before it is quoted into SQL.
     */
    public Optional<QueryResult> preview(Path db, String view, int limit) {
        try (Workspace workspace = engine.openReadOnly(db)) {
            if (!workspace.views().contains(view)) {
                return Optional.empty();
            }
            workspace.restrictExternalAccess(); // whatever a view says, a preview reads nothing but the workspace
            String quoted = "\"" + view.replace("\"", "\"\"") + "\"";
            return Optional.of(workspace.query("SELECT * FROM " + quoted + " LIMIT " + (limit + 1)));
        }
    }
}
