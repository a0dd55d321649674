package io.taskgraph.adapters.python;

import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.sql.QueryResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Answers the SQL an export function sends through its {@code conn} proxy, by running it on the
 * workspace. Column types come from DuckDB's {@code DESCRIBE} of the same query, so the proxy can give
 * Python dates, timestamps and Decimals rather than text.
 */
final class SqlRelay {
    private final SqlReader workspace;

    SqlRelay(SqlReader workspace) {
        this.workspace = workspace;
    }

    Map<String, Object> answer(Map<String, Object> request) {
        String sql = String.valueOf(request.get("sql"));
        List<Object> params = request.get("params") instanceof List<?> l ? new ArrayList<>(l) : List.of();
        Map<String, Object> reply = new LinkedHashMap<>();
        QueryResult result;
        try {
            result = workspace.query(sql, params);
        } catch (RuntimeException e) { // SqlFailure mostly; whatever it is, that export fails, not the session
            reply.put("type", "rows");
            reply.put("error", e.getMessage());
            return reply;
        }
        reply.put("type", "rows");
        reply.put("columns", result.columns());
        reply.put("types", types(sql, params, result.columns()));
        List<List<Object>> rows = new ArrayList<>(result.rowCount());
        for (List<Object> row : result.rows()) {
            List<Object> out = new ArrayList<>(row.size());
            for (Object value : row) {
                out.add(value instanceof BigDecimal d ? d.toPlainString() : value);
            }
            rows.add(out);
        }
        reply.put("rows", rows);
        return reply;
    }

    private List<Object> types(String sql, List<Object> params, List<String> columns) {
        List<Object> types = new ArrayList<>();
        Map<String, String> byName = new HashMap<>();
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        if (head.startsWith("SELECT") || head.startsWith("WITH") || head.startsWith("FROM")
                || head.startsWith("VALUES") || head.startsWith("TABLE") || head.startsWith("(")) {
            try {
                QueryResult described = workspace.query("DESCRIBE " + stripSemicolon(sql), params);
                int name = described.columns().indexOf("column_name");
                int type = described.columns().indexOf("column_type");
                if (name >= 0 && type >= 0 && described.rowCount() == columns.size()) {
                    for (int i = 0; i < columns.size(); i++) {
                        types.add(String.valueOf(described.rows().get(i).get(type)));
                    }
                    return types;
                }
                described.rows().forEach(r -> byName.put(String.valueOf(r.get(name)), String.valueOf(r.get(type))));
            } catch (RuntimeException e) {
                // types are a convenience: without them values arrive as the engine's text
            }
        }
        columns.forEach(c -> types.add(byName.get(c)));
        return types;
    }

    private static String stripSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}
