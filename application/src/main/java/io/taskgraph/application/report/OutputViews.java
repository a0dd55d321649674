package io.taskgraph.application.report;

import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import io.taskgraph.domain.sql.SqlFailure;
import java.util.List;
import java.util.Optional;

/** Reads a task's outputs for the report: catalog entry, SQL and sample rows, each failure kept as a message. */
final class OutputViews {
    static final int SAMPLE_ROWS = 10;

    private OutputViews() {
    }

    static OutputView read(SqlReader reader, String name) {
        Optional<RelationInfo> relation = reader.describe(name);
        if (relation.isEmpty()) {
            return new OutputView(name, relation, Optional.empty(), Optional.empty(), false, Optional.empty());
        }
        Optional<String> sql = definition(reader, name);
        try {
            // One row more than shown says whether there are more, without counting a view that may be costly.
            QueryResult rows = reader.query("SELECT * FROM " + identifier(relation.get().name()) + " LIMIT "
                    + (SAMPLE_ROWS + 1));
            boolean more = rows.rowCount() > SAMPLE_ROWS;
            QueryResult sample = more ? new QueryResult(rows.columns(), rows.rows().subList(0, SAMPLE_ROWS)) : rows;
            return new OutputView(name, relation, sql, Optional.of(sample), more, Optional.empty());
        } catch (SqlFailure e) {
            return new OutputView(name, relation, sql, Optional.empty(), false, Optional.of(e.getMessage()));
        }
    }

    /** The view's SQL as DuckDB's catalog keeps it; empty for a table. */
    static Optional<String> definition(SqlReader reader, String view) {
        try {
            List<List<Object>> rows = reader.query("SELECT sql FROM duckdb_views() WHERE NOT internal "
                    + "AND database_name = current_database() AND schema_name = 'main' AND lower(view_name) = lower(?)",
                    List.of(view)).rows();
            return rows.isEmpty() || rows.get(0).get(0) == null ? Optional.empty()
                    : Optional.of(String.valueOf(rows.get(0).get(0)).strip());
        } catch (SqlFailure e) {
            return Optional.empty();
        }
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
