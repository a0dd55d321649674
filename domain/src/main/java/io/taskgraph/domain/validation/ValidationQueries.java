package io.taskgraph.domain.validation;

import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.SqlFailure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code validate_sql} assertions: each query must return no rows, and every row it does return is one
 * failure message (a single column is the message itself; several read {@code col=value, col2=value2}).
 * A query that fails is a failure that quotes the query and the database's error.
 */
final class ValidationQueries {
    /** At most this many row messages per query, then one line counting the rest. */
    static final int MAX_ROW_MESSAGES = 20;

    private ValidationQueries() {
    }

    /** The failures of every query, each prefixed by {@code prefix} (empty for none). */
    static List<String> failures(List<String> queries, SqlReader reader, String prefix) {
        List<String> failures = new ArrayList<>();
        for (String query : queries) {
            QueryResult result;
            try {
                result = reader.query(query);
            } catch (SqlFailure e) {
                failures.add(prefix + "validate_sql query failed to run: " + query.strip() + "\n  Error: "
                        + e.getMessage());
                continue;
            }
            int shown = Math.min(result.rowCount(), MAX_ROW_MESSAGES);
            for (int i = 0; i < shown; i++) {
                failures.add(prefix + rowMessage(result.columns(), result.rows().get(i)));
            }
            int more = result.rowCount() - shown;
            if (more > 0) {
                failures.add(prefix + "... and " + more + " more row" + (more == 1 ? "" : "s") + " from validate_sql: "
                        + query.strip());
            }
        }
        return failures;
    }

    static String rowMessage(List<String> columns, List<Object> row) {
        if (row.size() == 1) {
            return text(row.get(0));
        }
        List<String> pairs = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            String column = i < columns.size() ? columns.get(i) : "column" + (i + 1);
            pairs.add(column + "=" + text(row.get(i)));
        }
        return String.join(", ", pairs);
    }

    private static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            return Json.write(value);
        }
        return value.toString();
    }
}
