package io.taskgraph.adapters.duckdb.xlsx;

import io.taskgraph.domain.UsageException;
import io.taskgraph.domain.data.Column;
import io.taskgraph.domain.json.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Converts one worksheet into newline-delimited JSON with declared column types, so the engine ingests
 * it like any other bulk source. The first non-empty row holds the column names. Two streaming passes
 * (types, then rows) keep memory flat for large sheets.
 */
public final class XlsxTable {
    private XlsxTable() {
    }

    /** Writes {@code sheet} (first sheet when empty) of {@code xlsx} to {@code ndjson}; returns the columns. */
    public static List<Column> toNdjson(Path xlsx, Optional<String> sheetName, Path ndjson) {
        try (XlsxWorkbook workbook = XlsxWorkbook.open(xlsx)) {
            Sheet sheet = workbook.sheet(sheetName);
            List<String> names = header(workbook, sheet, xlsx);
            List<ColumnKind> kinds = new ArrayList<>();
            names.forEach(n -> kinds.add(ColumnKind.EMPTY));
            try (Stream<Row> rows = workbook.rows(sheet)) {
                dataRows(rows).forEach(row -> {
                    for (int c = 0; c < names.size(); c++) {
                        kinds.set(c, kinds.get(c).widen(XlsxCells.value(row.getOptionalCell(c).orElse(null))));
                    }
                });
            }
            try (BufferedWriter out = Files.newBufferedWriter(ndjson, StandardCharsets.UTF_8);
                 Stream<Row> rows = workbook.rows(sheet)) {
                StringBuilder line = new StringBuilder();
                Iterator<Row> it = dataRows(rows).iterator();
                while (it.hasNext()) {
                    Row row = it.next();
                    line.setLength(0);
                    line.append('{');
                    for (int c = 0; c < names.size(); c++) {
                        if (c > 0) {
                            line.append(',');
                        }
                        Json.quote(names.get(c), line);
                        line.append(':');
                        Json.write(kinds.get(c).json(XlsxCells.value(row.getOptionalCell(c).orElse(null))), line);
                    }
                    out.append(line).append("}\n");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Column> columns = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                columns.add(new Column(names.get(c), kinds.get(c).sqlType()));
            }
            return columns;
        }
    }

    private static List<String> header(XlsxWorkbook workbook, Sheet sheet, Path xlsx) {
        try (Stream<Row> rows = workbook.rows(sheet)) {
            Row first = rows.filter(XlsxTable::hasValues).findFirst().orElseThrow(() -> new UsageException(
                    "Sheet '" + sheet.getName() + "' of " + xlsx + " is empty; the first row must hold column names."));
            // Names as written, even two that differ only in case: ingestion refuses those, naming both.
            List<String> names = new ArrayList<>();
            for (int c = 0; c < first.getCellCount(); c++) {
                String name = XlsxCells.display(first.getOptionalCell(c).orElse(null)).trim();
                names.add(name.isEmpty() ? "column" + (c + 1) : name);
            }
            return names;
        }
    }

    /** Rows after the header, skipping wholly empty ones. */
    private static Stream<Row> dataRows(Stream<Row> rows) {
        return rows.filter(XlsxTable::hasValues).skip(1);
    }

    private static boolean hasValues(Row row) {
        for (Cell cell : row) {
            if (cell != null && XlsxCells.value(cell) != null) {
                return true;
            }
        }
        return false;
    }

    /** The narrowest DuckDB type that holds every value seen in a column. */
    private enum ColumnKind {
        EMPTY("VARCHAR"), BOOLEAN("BOOLEAN"), BIGINT("BIGINT"), DOUBLE("DOUBLE"), DATE("DATE"),
        TIMESTAMP("TIMESTAMP"), VARCHAR("VARCHAR");

        private final String sqlType;

        ColumnKind(String sqlType) {
            this.sqlType = sqlType;
        }

        String sqlType() {
            return sqlType;
        }

        ColumnKind widen(Object value) {
            ColumnKind seen = of(value);
            if (seen == EMPTY || seen == this) {
                return this;
            }
            if (this == EMPTY) {
                return seen;
            }
            if ((this == BIGINT && seen == DOUBLE) || (this == DOUBLE && seen == BIGINT)) {
                return DOUBLE;
            }
            if ((this == DATE && seen == TIMESTAMP) || (this == TIMESTAMP && seen == DATE)) {
                return TIMESTAMP;
            }
            return VARCHAR;
        }

        private static ColumnKind of(Object value) {
            if (value == null) {
                return EMPTY;
            }
            if (value instanceof Boolean) {
                return BOOLEAN;
            }
            if (value instanceof BigDecimal number) {
                return number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                        ? BIGINT : DOUBLE;
            }
            if (value instanceof LocalDateTime time) {
                return time.toLocalTime().equals(LocalTime.MIDNIGHT) ? DATE : TIMESTAMP;
            }
            return VARCHAR;
        }

        /** The JSON value written for a cell of this column. */
        Object json(Object value) {
            if (value == null) {
                return null;
            }
            return switch (this) {
                case BIGINT -> ((BigDecimal) value).longValueExact();
                case DOUBLE -> ((BigDecimal) value).doubleValue();
                case DATE -> ((LocalDateTime) value).toLocalDate().toString();
                case TIMESTAMP -> value.toString();
                case BOOLEAN -> value;
                default -> value instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString()
                        : value.toString();
            };
        }
    }
}
