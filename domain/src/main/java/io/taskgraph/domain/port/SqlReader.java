package io.taskgraph.domain.port;

import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import io.taskgraph.domain.sql.RowSink;
import java.util.List;
import java.util.Optional;

/** Read access to a workspace: what validation, prompts and exports need. Throws SqlFailure on bad SQL. */
public interface SqlReader {
    default QueryResult query(String sql) {
        return query(sql, List.of());
    }

    /** A query with {@code ?} parameters (values: null, Boolean, Number, String). */
    QueryResult query(String sql, List<Object> parameters);

    /**
     * Runs {@code sql} and hands its column names, then every row in order, to {@code sink}; returns the number of
     * rows. For results too large to hold: an implementation that can read rows one at a time does, so memory stays
     * flat whatever the size (this default reads the whole result first). A statement that returns no result gives
     * an empty column list and 0. Throws SqlFailure on bad SQL.
     */
    default long stream(String sql, RowSink sink) {
        QueryResult result = query(sql);
        sink.columns(result.columns());
        result.rows().forEach(sink::row);
        return result.rowCount();
    }

    /** The table or view of that name in the main schema, if any. */
    Optional<RelationInfo> describe(String name);
}
