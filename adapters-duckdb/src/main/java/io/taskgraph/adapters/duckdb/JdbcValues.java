package io.taskgraph.adapters.duckdb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Struct;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.duckdb.DuckDBStruct;

/**
 * Turns DuckDB JDBC values into the JSON-ready values of {@link io.taskgraph.domain.sql.QueryResult}: null,
 * Boolean, Number (decimals stay BigDecimal so they print as numbers), String (dates and timestamps as ISO
 * text, UUIDs canonical, blobs hex), List for lists and arrays, Map for structs and maps.
 */
final class JdbcValues {
    private static final HexFormat HEX = HexFormat.of();

    /** Reads one column of the current row. One reader per column, chosen once per result from its type. */
    @FunctionalInterface
    interface ColumnReader {
        Object read(ResultSet rs) throws SQLException;
    }

    private JdbcValues() {
    }

    static ColumnReader[] readers(ResultSetMetaData meta) throws SQLException {
        ColumnReader[] readers = new ColumnReader[meta.getColumnCount()];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = reader(i + 1, meta.getColumnTypeName(i + 1));
        }
        return readers;
    }

    static List<Object> row(ResultSet rs, ColumnReader[] readers) throws SQLException {
        List<Object> row = new ArrayList<>(readers.length);
        for (ColumnReader reader : readers) {
            row.add(reader.read(rs));
        }
        return row;
    }

    private static ColumnReader reader(int column, String typeName) {
        String type = typeName == null ? "" : typeName.toUpperCase(java.util.Locale.ROOT);
        if (type.equals("TIMESTAMP") || type.equals("TIMESTAMP_S") || type.equals("TIMESTAMP_MS")
                || type.equals("TIMESTAMP_NS") || type.equals("DATETIME")) {
            return rs -> {
                LocalDateTime value = rs.getObject(column, LocalDateTime.class);
                return value == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value);
            };
        }
        if (type.equals("BLOB") || type.equals("BYTEA")) {
            return rs -> {
                byte[] bytes = rs.getBytes(column);
                return bytes == null ? null : HEX.formatHex(bytes);
            };
        }
        return rs -> convert(rs.getObject(column));
    }

    /** Converts a value the driver returned, recursively for nested types. */
    static Object convert(Object value) throws SQLException {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof Double || value instanceof BigDecimal
                || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Float f) {
            return Double.valueOf(f.toString());
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalDateTime dateTime) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTime);
        }
        if (value instanceof Timestamp timestamp) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(timestamp.toLocalDateTime());
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
        }
        if (value instanceof LocalTime time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
        }
        if (value instanceof OffsetTime time) {
            return DateTimeFormatter.ISO_OFFSET_TIME.format(time);
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof byte[] bytes) {
            return HEX.formatHex(bytes);
        }
        if (value instanceof Blob blob) {
            return HEX.formatHex(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof Array array) {
            Object[] elements = (Object[]) array.getArray();
            List<Object> list = new ArrayList<>(elements.length);
            for (Object element : elements) {
                list.add(convert(element));
            }
            return list;
        }
        if (value instanceof DuckDBStruct struct) {
            return convertMap(struct.getMap());
        }
        if (value instanceof Struct struct) {
            List<Object> list = new ArrayList<>();
            for (Object attribute : struct.getAttributes()) {
                list.add(convert(attribute));
            }
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            return convertMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            for (Object element : list) {
                converted.add(convert(element));
            }
            return converted;
        }
        return value.toString();
    }

    private static Map<String, Object> convertMap(Map<?, ?> map) throws SQLException {
        Map<String, Object> converted = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = convert(entry.getKey());
            converted.put(String.valueOf(key), convert(entry.getValue()));
        }
        return converted;
    }
}
