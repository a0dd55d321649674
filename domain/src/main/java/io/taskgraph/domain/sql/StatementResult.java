package io.taskgraph.domain.sql;

import java.util.List;

/**
 * What one agent statement did. {@code toolJson} is the {@code run_sql} tool result the model sees
 * ({@code success} plus {@code columns/rows/row_count}, {@code message} or {@code error});
 * {@code changedObjects} names the views and macros the statement created, replaced or dropped.
 */
public record StatementResult(
        boolean success,
        String toolJson,
        long rowCount,
        String error,
        List<String> changedObjects,
        long elapsedMs) {

    public StatementResult {
        changedObjects = List.copyOf(changedObjects);
    }
}
