package io.taskgraph.domain.sql;

import java.util.List;

/**
 * Receives a query's result as it is read: the column names once, then each row in order. Values are what
 * {@link QueryResult} documents. A sink that throws stops the read; the exception reaches the caller.
 */
public interface RowSink {
    void columns(List<String> names);

    void row(List<Object> values);
}
