package io.taskgraph.application.report;

import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import java.util.Optional;

/**
 * One declared output as the workspace holds it: the relation (empty when the task never created it), its SQL from
 * the database's catalog, its first rows ({@code more} when it has more than those), or why they could not be read.
 */
record OutputView(String name, Optional<RelationInfo> relation, Optional<String> sql, Optional<QueryResult> sample,
                  boolean more, Optional<String> error) {
}
