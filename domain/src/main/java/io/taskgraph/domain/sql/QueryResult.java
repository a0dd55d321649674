package io.taskgraph.domain.sql;

import java.util.List;

/**
 * Rows of a query. Values are JSON-ready: null, Boolean, Long/BigInteger, Double, BigDecimal, String
 * (dates, timestamps and UUIDs as ISO/canonical text, blobs as hex), List and Map for nested types.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public int rowCount() {
        return rows.size();
    }
}
