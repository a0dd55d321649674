package io.taskgraph.adapters.duckdb;

import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.data.ColumnNames;
import io.taskgraph.domain.data.SourceFormat;
import io.taskgraph.domain.data.TableSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column names a source's data gives itself, before any DuckDB reader renamed one. Readers make names unique
 * without regard to case ({@code id}, {@code ID} become {@code id}, {@code ID_1}), and {@code _row_id} of the data
 * becomes {@code _row_id_1} next to ours; the names are checked with {@link ColumnNames} on what the data says.
 */
final class SourceColumnNames {
    /** How a reader renames a name it has seen already: the name, an underscore and a counter. */
    private static final Pattern RENAMED = Pattern.compile("(.+)_\\d+");

    private SourceColumnNames() {
    }

    /**
     * The names known without reading rows: declared columns, or a Parquet file's schema. Empty for a CSV or JSON
     * file whose columns the reader infers, and for a file whose schema cannot be read; those are checked on the
     * table made from them ({@link #afterRead}).
     */
    static Optional<List<String>> beforeRead(Connection connection, TableSource source) throws SQLException {
        if (!source.columns().isEmpty()) {
            return Optional.of(source.columns().stream().map(Column::name).toList());
        }
        if (source.format() == SourceFormat.PARQUET) {
            try {
                return Optional.of(parquetNames(connection, source));
            } catch (SQLException unreadable) {
                return Optional.empty(); // the reader then says what is wrong with the file, naming it
            }
        }
        return Optional.empty();
    }

    /**
     * Given the columns of the table a reader made ({@code _row_id} first), the data's own names when the reader
     * may have renamed some (a name that is another one plus {@code _N}), else empty. Only then is the file read
     * again, for its header (CSV) or every object's keys (JSON).
     */
    static Optional<List<String>> afterRead(Connection connection, TableSource source, List<String> tableColumns)
            throws SQLException {
        if (!mayBeRenamed(tableColumns)) {
            return Optional.empty();
        }
        return Optional.of(switch (source.format()) {
            case CSV -> csvHeader(connection, source);
            case JSON, NDJSON -> jsonKeys(connection, source);
            case PARQUET -> parquetNames(connection, source);
            default -> tableColumns.subList(1, tableColumns.size());
        });
    }

    static boolean mayBeRenamed(List<String> columns) {
        for (String column : columns.subList(1, columns.size())) {
            Matcher renamed = RENAMED.matcher(column);
            if (column.equalsIgnoreCase(ColumnNames.ROW_ID) || renamed.matches()
                    && columns.stream().anyMatch(other -> other != column && other.equalsIgnoreCase(renamed.group(1)))) {
                return true;
            }
        }
        return false;
    }

    /** Top-level fields of the schema: the root's children, each followed by its own nested fields. */
    private static List<String> parquetNames(Connection connection, TableSource source) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT name, coalesce(num_children, 0) FROM parquet_schema("
                     + file(source) + ")")) {
            long nestedToSkip = 0;
            boolean root = true;
            while (rs.next()) {
                long children = rs.getLong(2);
                if (root) {
                    root = false;
                } else if (nestedToSkip > 0) {
                    nestedToSkip += children - 1;
                } else {
                    names.add(rs.getString(1));
                    nestedToSkip = children;
                }
            }
        }
        return names;
    }

    /** The header row as written: the sniffer's dialect and skipped lines, every field read as text. */
    private static List<String> csvHeader(Connection connection, TableSource source) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long skip;
            try (ResultSet rs = statement.executeQuery("SELECT SkipRows FROM sniff_csv(" + file(source)
                    + ", header = true)")) {
                rs.next();
                skip = rs.getLong(1);
            }
            List<String> names = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT * FROM read_csv(" + file(source)
                    + ", header = false, all_varchar = true, skip = " + skip + ") LIMIT 1")) {
                if (rs.next()) {
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        names.add(String.valueOf(rs.getString(c)));
                    }
                }
            }
            return names;
        }
    }

    /** Every key of every top-level object, in first-seen order. */
    private static List<String> jsonKeys(Connection connection, TableSource source) throws SQLException {
        String format = source.format() == SourceFormat.NDJSON ? "newline_delimited" : "auto";
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT key FROM (SELECT row_number() OVER () AS object, "
                     + "json_keys(json) AS keys FROM read_json_objects(" + file(source) + ", format = "
                     + Sql.literal(format) + ")), unnest(keys) WITH ORDINALITY AS k(key, position) "
                     + "GROUP BY key ORDER BY min(object * 1000000 + position)")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String file(TableSource source) {
        return Sql.literal(source.file().toAbsolutePath().toString());
    }
}
