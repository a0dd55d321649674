package io.taskgraph.adapters.duckdb;

import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * What every task session asks that needs no transaction of its own: DuckDB's parser (it reads text, never the
 * catalog) and the description of committed tables and views. Their statements are then prepared once per
 * workspace instead of once per task: preparing the describe's lookup and the parser's call cost ~1.5 ms of every
 * task start, more than the lookups themselves. Each is thread-safe and has a connection of its own: two threads
 * on one DuckDB connection share its transaction, so a describe could run in a parse's older snapshot and miss a
 * view committed a moment before.
 */
final class SharedLookups implements AutoCloseable {
    private final DuckDBConnection parserConnection;
    private final DuckDBConnection describerConnection;
    private final QueryParser parser;
    private final RelationDescriber describer;

    /** {@code workspace}: the workspace's connection, of which each gets a duplicate. */
    SharedLookups(DuckDBConnection workspace, String database) throws SQLException {
        this.parserConnection = workspace.duplicate();
        this.describerConnection = workspace.duplicate();
        this.parser = new QueryParser(parserConnection);
        this.describer = new RelationDescriber(describerConnection, database);
    }

    QueryParser parser() {
        return parser;
    }

    RelationDescriber describer() {
        return describer;
    }

    @Override
    public void close() throws SQLException {
        try {
            parserConnection.close();
        } finally {
            describerConnection.close();
        }
    }
}
