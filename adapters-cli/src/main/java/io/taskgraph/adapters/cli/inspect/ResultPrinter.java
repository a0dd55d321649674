package io.taskgraph.adapters.cli.inspect;

import io.taskgraph.domain.sql.RowSink;

/** Prints a query result as its rows arrive; {@link #finish} is called once all of them did. */
public interface ResultPrinter extends RowSink {
    void finish(long rows);
}
