package io.taskgraph.adapters.python;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.TableSource;
import io.taskgraph.domain.port.SqlReader;
import io.taskgraph.domain.sql.QueryResult;
import io.taskgraph.domain.sql.RelationInfo;
import io.taskgraph.domain.sql.SqlFailure;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An in-memory DuckDB for the tests: ingests a {@link TableSource} with the SQL the engine uses for its
 * format, and serves as the {@link SqlReader} exports query. Values come back JSON-ready like the engine's.
 */
final class DuckDbReader implements SqlReader, AutoCloseable {
    private final Connection connection;

    DuckDbReader() {
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates table {@code table} from {@code source} (all its parts) with {@code _row_id} 1..n in source order. */
    long ingest(String table, TableSource source) {
        String select = selectFrom(source);
        List<String> parts = new ArrayList<>(List.of(literal(source.file())));
        for (Optional<java.nio.file.Path> part = source.remaining().next(); part.isPresent();
             part = source.remaining().next()) {
            parts.add(literal(part.get()));
        }
        if (parts.size() > 1) { // only the bridge's own Parquet comes in parts; the reader keeps the files' order
            select = "SELECT * FROM read_parquet([" + String.join(", ", parts) + "])";
        }
        execute("CREATE OR REPLACE TABLE " + table + " AS SELECT CAST(row_number() OVER () AS INTEGER) AS _row_id, "
                + "* FROM (" + select + ")");
        return ((Number) query("SELECT count(*) FROM " + table).rows().get(0).get(0)).longValue();
    }

    private static String literal(java.nio.file.Path file) {
        return "'" + file.toString().replace("'", "''") + "'";
    }

    static String selectFrom(TableSource source) {
        String file = literal(source.file());
        return switch (source.format()) {
            case COLUMNAR_NDJSON -> {
                long limit = Math.max(16L << 20, fileSize(source) + 1);
                String unnest = source.columns().stream().map(c -> "unnest(" + quote(c.name()) + ") AS " + quote(c.name()))
                        .collect(Collectors.joining(", "));
                String types = source.columns().stream().map(c -> "'" + c.name().replace("'", "''") + "': '"
                        + c.sqlType() + "[]'").collect(Collectors.joining(", "));
                yield "SELECT " + unnest + " FROM read_json(" + file + ", format='newline_delimited', columns={"
                        + types + "}, maximum_object_size=" + limit + ")";
            }
            case NDJSON -> source.columns().isEmpty()
                    ? "SELECT * FROM read_json(" + file + ", format='newline_delimited')"
                    : "SELECT * FROM read_json(" + file + ", format='newline_delimited', columns={"
                            + source.columns().stream().map(c -> "'" + c.name() + "': '" + c.sqlType() + "'")
                                    .collect(Collectors.joining(", ")) + "})";
            case JSON -> "SELECT * FROM read_json(" + file + ")";
            case PARQUET -> "SELECT * FROM read_parquet(" + file + ")";
            case CSV -> "SELECT * FROM read_csv(" + file + ")";
            case XLSX -> throw new IllegalArgumentException("a workbook is read by the workbook reader (adapters-xlsx); "
                    + "these tests check only the source the bridge hands over");
        };
    }

    private static long fileSize(TableSource source) {
        try {
            return Files.size(source.file());
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    void execute(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SqlFailure(e.getMessage(), e);
        }
    }

    /** Column names and DuckDB types of {@code table}, in order. */
    List<Column> columns(String table) {
        return query("DESCRIBE " + table).rows().stream()
                .map(r -> new Column(String.valueOf(r.get(0)), String.valueOf(r.get(1)))).toList();
    }


    @Override
    public QueryResult query(String sql, List<Object> parameters) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            if (!s.execute()) {
                return new QueryResult(List.of("Count"), List.of());
            }
            try (ResultSet rs = s.getResultSet()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(jsonReady(rs.getObject(i)));
                    }
                    rows.add(row);
                }
                return new QueryResult(columns, rows);
            }
        } catch (SQLException e) {
            throw new SqlFailure(e.getMessage(), e);
        }
    }

    private static Object jsonReady(Object value) throws SQLException {
        if (value == null || value instanceof Boolean || value instanceof String || value instanceof Long
                || value instanceof Double || value instanceof BigDecimal || value instanceof java.math.BigInteger) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Array array) {
            return Arrays.stream((Object[]) array.getArray()).map(v -> {
                try {
                    return jsonReady(v);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toString().replace('T', ' ');
        }
        return value.toString();
    }

    @Override
    public Optional<RelationInfo> describe(String name) {
        List<Column> columns = columns(name);
        return columns.isEmpty() ? Optional.empty() : Optional.of(new RelationInfo(name, RelationInfo.Kind.TABLE, columns));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // in-memory database: nothing to lose
        }
    }
}
