package io.taskgraph.domain.port;

import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import java.util.List;
import java.util.Optional;

/** Read access to a workspace: what validation, prompts and exports need. Throws SqlFailure on bad SQL. */
public interface SqlReader {
    default QueryResult query(String sql) {
        return query(sql, List.of());
    }

    /** A query with {@code ?} parameters (values: null, Boolean, Number, String). */
    QueryResult query(String sql, List<Object> parameters);

    /** The table or view of that name in the main schema, if any. */
    Optional<RelationInfo> describe(String name);
}
