package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.json.Json;
import io.taskgraph.domain.json.JsonException;
import io.taskgraph.domain.sql.SqlReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DuckDB's own parser on one connection: {@code json_serialize_sql} turns a SELECT-like statement into its
 * syntax tree (one round trip on a prepared statement, no catalog access, nothing executed), whose references
 * {@link SyntaxTree} collects. Not thread-safe: one per connection, used by one caller at a time. Each session has
 * its own: a parse inside the session's open transaction is ~60-80 µs cheaper than one in a transaction of its own
 * on a shared connection (GuardedPathBenchmark), which an agent's every statement would pay.
 */
final class QueryParser implements AutoCloseable {
    /** Agents send the same text again (after a failure elsewhere, to re-check a result): those skip the round trip. */
    private static final int REMEMBERED = 128;

    private static final String SERIALIZE = "SELECT json_serialize_sql(?)";

    private final PreparedStatements statements;
    private final Map<String, Parsed> recent = new LinkedHashMap<>(REMEMBERED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > REMEMBERED;
        }
    };

    QueryParser(Connection connection) {
        this.statements = new PreparedStatements(connection);
    }

    /** Prepares the parser's statement now rather than at the first parse. */
    void prepare() throws SQLException {
        statements.get(SERIALIZE);
    }

    boolean isPrepared() throws SQLException {
        return statements.isPrepared(SERIALIZE);
    }

    /** What one query reads and calls, or why DuckDB's parser could not read it. */
    record Parsed(List<SqlReference> references, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    Parsed parse(String query) throws SQLException {
        Parsed known = recent.get(query);
        if (known != null) {
            return known;
        }
        Parsed parsed = serialized(query);
        recent.put(query, parsed);
        return parsed;
    }

    private Parsed serialized(String query) throws SQLException {
        PreparedStatement serialize = statements.get(SERIALIZE);
        serialize.setString(1, query);
        String json;
        try (ResultSet rs = serialize.executeQuery()) {
            rs.next();
            json = rs.getString(1);
        }
        Map<String, Object> tree;
        try {
            tree = Json.parseObject(json);
        } catch (JsonException e) {
            return new Parsed(List.of(), "DuckDB's parser returned a syntax tree that could not be read ("
                    + e.getMessage() + ").");
        }
        if (Boolean.TRUE.equals(tree.get("error"))) {
            return new Parsed(List.of(), problem(tree));
        }
        if (!(tree.get("statements") instanceof List<?> statements) || statements.size() != 1) {
            return new Parsed(List.of(), "DuckDB's parser did not find exactly one query here.");
        }
        return new Parsed(SyntaxTree.references(statements.get(0)), null);
    }

    private static String problem(Map<String, Object> tree) {
        String message = String.valueOf(tree.get("error_message"));
        if ("not implemented".equals(tree.get("error_type"))) {
            return "This statement cannot be checked before it runs, because DuckDB's parser reads only SELECT-like "
                    + "statements here. A PIVOT needs its values listed (PIVOT t ON col IN ('a', 'b') USING sum(x)); "
                    + "otherwise write it as a SELECT.";
        }
        return "Parser Error: " + message;
    }

    @Override
    public void close() throws SQLException {
        statements.close();
    }
}
