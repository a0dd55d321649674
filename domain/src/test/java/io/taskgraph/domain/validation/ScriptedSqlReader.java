package io.taskgraph.domain.validation;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import io.taskgraph.domain.sql.SqlFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A hand-written {@link SqlReader} for validation unit tests: relations and query answers are declared up
 * front; a query nobody declared fails the test loudly. It records the queries it was asked.
 */
final class ScriptedSqlReader implements SqlReader {
    private final Map<String, RelationInfo> relations = new HashMap<>();
    private final Map<String, QueryResult> results = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    ScriptedSqlReader view(String name, String... columns) {
        return relation(name, RelationInfo.Kind.VIEW, columns);
    }

    ScriptedSqlReader table(String name, String... columns) {
        return relation(name, RelationInfo.Kind.TABLE, columns);
    }

    private ScriptedSqlReader relation(String name, RelationInfo.Kind kind, String... columns) {
        List<Column> cols = Arrays.stream(columns).map(c -> new Column(c, "VARCHAR")).toList();
        relations.put(name, new RelationInfo(name, kind, cols));
        return this;
    }

    /** {@code sql} answers with {@code columns} and rows given as arrays. */
    ScriptedSqlReader answers(String sql, List<String> columns, Object[]... rows) {
        List<List<Object>> list = new ArrayList<>();
        for (Object[] row : rows) {
            list.add(Arrays.asList(row));
        }
        results.put(sql, new QueryResult(columns, list));
        return this;
    }

    ScriptedSqlReader fails(String sql, String error) {
        failures.put(sql, error);
        return this;
    }

    @Override
    public QueryResult query(String sql) {
        asked.add(sql);
        if (failures.containsKey(sql)) {
            throw new SqlFailure(failures.get(sql));
        }
        QueryResult result = results.get(sql);
        if (result == null) {
            throw new AssertionError("the test did not script an answer for: " + sql);
        }
        return result;
    }

    @Override
    public QueryResult query(String sql, List<Object> parameters) {
        throw new AssertionError("validation does not use parameters: " + sql);
    }

    @Override
    public Optional<RelationInfo> describe(String name) {
        return Optional.ofNullable(relations.get(name));
    }
}
