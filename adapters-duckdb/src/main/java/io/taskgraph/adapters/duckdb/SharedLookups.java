package io.taskgraph.adapters.duckdb;

import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * What every task session asks that needs no transaction of its own, on one connection the sessions share:
 * DuckDB's parser (it reads text, never the catalog) and the description of committed tables and views. Their
 * statements are then prepared once per workspace instead of once per task: preparing the describe's lookup and
 * the parser's call cost ~1.5 ms of every task start, more than the lookups themselves. Each is thread-safe.
 */
final class SharedLookups implements AutoCloseable {
    private final DuckDBConnection connection;
    private final QueryParser parser;
    private final RelationDescriber describer;

    SharedLookups(DuckDBConnection connection, String database) throws SQLException {
        this.connection = connection;
        this.parser = new QueryParser(connection);
        this.describer = new RelationDescriber(connection, database);
    }

    QueryParser parser() {
        return parser;
    }

    RelationDescriber describer() {
        return describer;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
